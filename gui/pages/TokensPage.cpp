#include "pages/TokensPage.h"

#include "app/Icons.h"
#include "dialogs/CreateTokenDialog.h"
#include "lightd/ApiClient.h"
#include "models/TokensModel.h"
#include "nodes/NameStore.h"
#include "nodes/NodeConnection.h"
#include "widgets/EmptyState.h"
#include "widgets/TableView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <memory>

namespace lightd::gui {
TokensPage::TokensPage(QWidget *parent)
    : Page(tr("Tokens"), tr("Scoped, expiring tokens for panels, scripts and shared consoles."), parent),
      m_model(new TokensModel(this)), m_view(new TableView(this)), m_body(new QStackedWidget(this)),
      m_empty(new EmptyState(this)), m_denied(new EmptyState(this)), m_secretBox(new QWidget(this)),
      m_secret(new QLineEdit(this))
{
    m_proxy = m_view->setSourceModel(m_model, TokensModel::CreatedColumn);
    // The id takes what is left; dates fit their text; Created steps aside on a narrow window
    // (eventFilter), so no horizontal scrollbar shows at 1024 px.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->resizeSection(TokensModel::NameColumn, 130);
    header->setSectionResizeMode(TokensModel::IdColumn, QHeaderView::Stretch);
    header->resizeSection(TokensModel::ScopesColumn, 160);
    header->setSectionResizeMode(TokensModel::ExpiresColumn, QHeaderView::ResizeToContents);
    header->resizeSection(TokensModel::UseColumn, 120);
    header->setSectionResizeMode(TokensModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    m_view->setTextElideMode(Qt::ElideMiddle);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_secretBox->setObjectName(QStringLiteral("secretBox"));
    m_secretBox->setAttribute(Qt::WA_StyledBackground);
    auto *secretLayout = new QHBoxLayout(m_secretBox);
    secretLayout->setContentsMargins(12, 8, 8, 8);
    auto *secretIcon = new QLabel(m_secretBox);
    secretIcon->setPixmap(icons::get(QStringLiteral("key")).pixmap(20, 20));
    secretLayout->addWidget(secretIcon);
    auto *secretText = new QLabel(tr("New token — copy it now, it is not shown again:"), m_secretBox);
    secretLayout->addWidget(secretText);
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setObjectName(QStringLiteral("secret"));
    secretLayout->addWidget(m_secret, 1);
    auto *copy = new QToolButton(m_secretBox);
    copy->setText(tr("Copy"));
    copy->setObjectName(QStringLiteral("pageAction"));
    secretLayout->addWidget(copy);
    auto *dismiss = new QToolButton(m_secretBox);
    dismiss->setIcon(icons::get(QStringLiteral("close")));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    secretLayout->addWidget(dismiss);
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_secret->text()); });
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_secret->clear();
        m_secretBox->hide();
    });
    m_secretBox->hide();
    layout->addWidget(m_secretBox);
    m_body->addWidget(m_view);
    m_body->addWidget(m_empty);
    m_body->addWidget(m_denied);
    layout->addWidget(m_body, 1);
    setContent(content);

    m_empty->set(QStringLiteral("key"), tr("No scoped tokens"),
                 tr("Give a panel, a script or a player's console its own token: limited to what it needs, "
                    "expiring on its own, revocable at any time."));
    m_empty->setAction(tr("New token"));
    connect(m_empty, &EmptyState::actionTriggered, this, &TokensPage::openCreateDialog);

    m_create = addPageAction(QStringLiteral("add"), tr("New token"), tr("Create a scoped, expiring token"));
    connect(m_create, &QAction::triggered, this, &TokensPage::openCreateDialog);
    m_revoke = addPageAction(QStringLiteral("delete"), tr("Revoke"), tr("Revoke the selected tokens"));
    connect(m_revoke, &QAction::triggered, this, &TokensPage::confirmRevoke);
    m_rename = addPageAction(QStringLiteral("edit"), tr("Name…"), tr("Name the selected token in this app"));
    connect(m_rename, &QAction::triggered, this, &TokensPage::askRename);
    // The right-click menu of the list: the same actions.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_rename, m_revoke});
    toolbar()->addStretch();

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TokensPage::updateView);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TokensPage::updateView);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TokensPage::updateView);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TokensPage::updateView);
    updateView();
}

bool TokensPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        m_view->setColumnHidden(TokensModel::CreatedColumn, m_view->width() < 900);
    return Page::eventFilter(watched, event);
}

QString TokensPage::featureName() const
{
    return tr("Tokens");
}

QString TokensPage::lastSecret() const
{
    return m_secret->text();
}

void TokensPage::poll()
{
    m_model->setNames(names::all(connection()->info().id, names::Kind::Token));
    client()->listTokens(guarded<QList<TokenInfoDto>>([this](const ApiResult<QList<TokenInfoDto>> &r) {
        // 403 is this token's business, not the node's: say so here and keep the node connected.
        const bool denied = !r.ok() && r.error.status == 403;
        if (r.ok())
            m_model->setRows(*r);
        m_loaded = m_loaded || r.ok();
        if (denied != m_forbidden || (denied && r.error.message != m_deniedMessage)) {
            m_forbidden = denied;
            m_deniedMessage = denied ? r.error.message : QString();
            if (denied)
                m_model->clear();
        }
        updateView();
        finishPoll(r.ok() || denied ? nullptr : &r.error);
    }));
}

void TokensPage::clearData()
{
    m_model->clear();
    m_forbidden = false;
    m_loaded = false;
    m_secret->clear();
    m_secretBox->hide();
    updateView();
}

void TokensPage::updateView()
{
    if (m_forbidden) {
        m_denied->set(
            QStringLiteral("key"), tr("Tokens need the master token"),
            tr("This node was added with a scoped token, and only the node's master token may list, "
               "create or revoke tokens. The node said: “%1” (HTTP 403). Edit the node and enter the "
               "master token to manage tokens here.")
                .arg(m_deniedMessage));
        m_body->setCurrentWidget(m_denied);
    } else if (m_loaded && m_model->rowCount() == 0) {
        m_body->setCurrentWidget(m_empty);
    } else {
        m_body->setCurrentWidget(m_view);
    }
    m_create->setEnabled(!m_forbidden);
    m_revoke->setEnabled(!m_forbidden && !m_view->selectedSourceRows().isEmpty());
    m_rename->setEnabled(!m_forbidden && m_view->selectedSourceRows().size() == 1);
    setSubtitle(m_forbidden ? tr("Only the master token manages tokens.")
                            : tr("%n scoped token(s).", nullptr, m_model->rowCount()));
}

QStringList TokensPage::selectedIds() const
{
    QStringList ids;
    for (int row : m_view->selectedSourceRows())
        ids << m_model->row(row).id;
    return ids;
}

void TokensPage::openCreateDialog()
{
    if (!client())
        return;
    auto *dialog = new CreateTokenDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<CreateTokenDialog> guard(dialog);
    client()->listContainers([guard](const ApiResult<QList<ContainerSummaryDto>> &r) {
        if (!guard || !r.ok())
            return;
        QStringList ids;
        for (const ContainerSummaryDto &c : *r)
            ids << c.internalId;
        ids.sort();
        guard->setContainers(ids);
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        createToken(dialog->ttl(), dialog->removeOnUse(), dialog->scopes(), dialog->name());
    });
    dialog->open();
}

void TokensPage::createToken(const QString &ttl, bool removeOnUse, const QStringList &scopes,
                             const QString &name)
{
    if (!client())
        return;
    client()->createToken(ttl, removeOnUse, scopes,
                          guarded<CreatedTokenDto>([this, name](const ApiResult<CreatedTokenDto> &r) {
                              if (!reportResult(tr("Creating the token"), r.error, r.ok()))
                                  return;
                              if (!name.trimmed().isEmpty())
                                  renameToken(r->id, name);
                              m_secret->setText(r->token);
                              m_secretBox->show();
                              refresh();
                          }));
}

void TokensPage::renameToken(const QString &id, const QString &name)
{
    if (!connection())
        return;
    names::set(connection()->info().id, names::Kind::Token, id, name);
    m_model->setNames(names::all(connection()->info().id, names::Kind::Token));
}

void TokensPage::askRename()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Name token"), tr("Name for token %1 (empty: none):").arg(ids.first()),
                              QLineEdit::Normal, m_model->name(ids.first()), &ok);
    if (ok)
        renameToken(ids.first(), name);
}

void TokensPage::confirmRevoke()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("Revoke tokens"),
            tr("Revoke %n token(s)? Clients using them are refused from now on.", nullptr, int(ids.size())),
            QMessageBox::Yes | QMessageBox::Cancel) == QMessageBox::Yes)
        revokeTokens(ids);
}

void TokensPage::revokeTokens(const QStringList &ids)
{
    if (!client())
        return;
    auto remaining = std::make_shared<int>(int(ids.size()));
    auto failed = std::make_shared<bool>(false);
    for (const QString &id : ids)
        client()->revokeToken(id, guarded<QJsonObject>([this, remaining, failed,
                                                        n = ids.size()](const ApiResult<QJsonObject> &r) {
                                  if (!r.ok() && !*failed) {
                                      *failed = true;
                                      showError(tr("Revoking the token"), r.error);
                                  }
                                  if (--*remaining == 0) {
                                      if (!*failed)
                                          showSuccess(tr("%n token(s) revoked.", nullptr, int(n)));
                                      refresh();
                                  }
                              }));
}
} // namespace lightd::gui
