#include "dialogs/CreateTokenDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lightd::gui {
CreateTokenDialog::CreateTokenDialog(QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_amount(new QSpinBox(this)), m_unit(new QComboBox(this)),
      m_once(new QCheckBox(tr("Valid for one console connection only"), this)),
      m_full(new QRadioButton(tr("Everything (REST API and every console)"), this)),
      m_limited(new QRadioButton(tr("Only what is ticked below"), this)),
      m_api(new QCheckBox(tr("REST API (not the token routes)"), this)),
      m_allConsoles(new QCheckBox(tr("Every container console"), this)), m_containers(new QListWidget(this)),
      m_problems(new QLabel(this))
{
    setWindowTitle(tr("New token"));
    resize(480, 520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setPlaceholderText(tr("optional, e.g. billing panel"));
    form->addRow(tr("Name"), m_name);
    auto *ttlRow = new QHBoxLayout;
    m_amount->setRange(1, 100000);
    m_amount->setValue(15);
    ttlRow->addWidget(m_amount);
    m_unit->addItem(tr("seconds"), QStringLiteral("s"));
    m_unit->addItem(tr("minutes"), QStringLiteral("m"));
    m_unit->addItem(tr("hours"), QStringLiteral("h"));
    m_unit->addItem(tr("days"), QStringLiteral("d"));
    m_unit->setCurrentIndex(1);
    ttlRow->addWidget(m_unit, 1);
    form->addRow(tr("Expires after"), ttlRow);
    form->addRow(QString(), m_once);
    layout->addLayout(form);

    auto *scopeLabel = new QLabel(tr("Allows"), this);
    scopeLabel->setStyleSheet(QStringLiteral("font-weight: 600;"));
    layout->addWidget(scopeLabel);
    auto *group = new QButtonGroup(this);
    group->addButton(m_full);
    group->addButton(m_limited);
    m_limited->setChecked(true);
    layout->addWidget(m_full);
    layout->addWidget(m_limited);
    auto *limited = new QVBoxLayout;
    limited->setContentsMargins(24, 0, 0, 0);
    limited->addWidget(m_api);
    limited->addWidget(m_allConsoles);
    auto *pick = new QLabel(tr("Consoles of these containers:"), this);
    pick->setObjectName(QStringLiteral("dialogHint"));
    limited->addWidget(pick);
    m_containers->setSelectionMode(QAbstractItemView::NoSelection);
    limited->addWidget(m_containers, 1);
    layout->addLayout(limited, 1);

    auto *hint =
        new QLabel(tr("The secret is shown once, right after creation. The node keeps only its hash."), this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_problems->setObjectName(QStringLiteral("dialogHint"));
    m_problems->setProperty("error", true);
    layout->addWidget(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_create = buttons->button(QDialogButtonBox::Ok);
    m_create->setText(tr("Create"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QAbstractButton *b :
         std::initializer_list<QAbstractButton *>{m_full, m_limited, m_api, m_allConsoles})
        connect(b, &QAbstractButton::toggled, this, &CreateTokenDialog::validate);
    connect(m_containers, &QListWidget::itemChanged, this, &CreateTokenDialog::validate);
    validate();
}

void CreateTokenDialog::setContainers(const QStringList &internalIds)
{
    m_containers->clear();
    for (const QString &id : internalIds) {
        auto *item = new QListWidgetItem(id, m_containers);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    validate();
}

QString CreateTokenDialog::name() const
{
    return m_name->text().trimmed();
}

QString CreateTokenDialog::ttl() const
{
    return QString::number(m_amount->value()) + m_unit->currentData().toString();
}

bool CreateTokenDialog::removeOnUse() const
{
    return m_once->isChecked();
}

QStringList CreateTokenDialog::scopes() const
{
    if (m_full->isChecked())
        return {};
    QStringList scopes;
    if (m_api->isChecked())
        scopes << QStringLiteral("api");
    if (m_allConsoles->isChecked())
        scopes << QStringLiteral("ws:*");
    else
        for (int i = 0; i < m_containers->count(); ++i)
            if (m_containers->item(i)->checkState() == Qt::Checked)
                scopes << QStringLiteral("ws:") + m_containers->item(i)->text();
    return scopes;
}

QStringList CreateTokenDialog::problems() const
{
    if (m_limited->isChecked() && scopes().isEmpty())
        return {tr("Tick at least one thing the token may reach, or choose Everything.")};
    return {};
}

void CreateTokenDialog::validate()
{
    const bool limited = m_limited->isChecked();
    m_api->setEnabled(limited);
    m_allConsoles->setEnabled(limited);
    m_containers->setEnabled(limited && !m_allConsoles->isChecked());
    const QStringList list = problems();
    m_problems->setText(list.join(u'\n'));
    m_problems->setVisible(!list.isEmpty());
    m_create->setEnabled(list.isEmpty());
}
} // namespace lightd::gui
