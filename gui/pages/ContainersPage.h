#pragma once
#include "lightd/CreateContainerDto.h"
#include "pages/Page.h"

class QSortFilterProxyModel;
class QToolButton;

namespace lightd::gui {
class ContainersModel;
class TableView;

// Every container of the node with its state; create, open, power and delete.
class ContainersPage final : public Page
{
    Q_OBJECT
public:
    explicit ContainersPage(QWidget *parent = nullptr);

    ContainersModel *model() const { return m_model; }

public Q_SLOTS:
    void createContainer(const lightd::CreateContainerDto &form);
    void power(const QString &internalId, const QString &verb);
    void deleteContainer(const QString &internalId);

Q_SIGNALS:
    void openRequested(const QString &internalId);

protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;

private:
    void openCreateDialog();
    QString selected() const;
    void updateActions();

    ContainersModel *m_model;
    TableView *m_view;
    QSortFilterProxyModel *m_proxy;
    QToolButton *m_open;
    QToolButton *m_start;
    QToolButton *m_stop;
    QToolButton *m_delete;
};
} // namespace lightd::gui
