#pragma once
#include "lightd/TokenDto.h"
#include "pages/Page.h"

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;

namespace lightd::gui {
class EmptyState;
class TableView;
class TokensModel;

// The node's scoped tokens (API.md section 2): list, create with scopes, TTL and one-time use,
// revoke. Only the master token may manage them; with any other the page says so instead.
class TokensPage final : public Page
{
    Q_OBJECT
  public:
    explicit TokensPage(QWidget *parent = nullptr);

    TokensModel *model() const { return m_model; }
    TableView *view() const { return m_view; }
    bool isForbidden() const { return m_forbidden; }
    QString lastSecret() const; // the token just created, until the operator dismisses it

  public Q_SLOTS:
    // name: kept by the app for this node under the new token's id (optional).
    void createToken(const QString &ttl, bool removeOnUse, const QStringList &scopes,
                     const QString &name = {});
    void renameToken(const QString &id, const QString &name);
    void revokeTokens(const QStringList &ids);

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void openCreateDialog();
    void confirmRevoke();
    void askRename();
    void updateView();
    QStringList selectedIds() const;

    TokensModel *m_model;
    TableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_body;
    EmptyState *m_empty;
    EmptyState *m_denied;
    QWidget *m_secretBox;
    QLineEdit *m_secret;
    QAction *m_create;
    QAction *m_revoke;
    QAction *m_rename;
    bool m_forbidden = false;
    bool m_loaded = false;
    QString m_deniedMessage;
};
} // namespace lightd::gui
