#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/PortDto.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace lightd::gui {
// The host ports of one container (POST /containers/:id/rebind-network): the pool's free ports and
// the ones the container holds, ticked as bound, each with the port it maps to inside.
class RebindDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit RebindDialog(QWidget *parent = nullptr);

    void setPorts(const QList<PortDto> &pool, const QString &internalId,
                  const QList<PortBindingDto> &current);
    QList<PortBindingDto> bindings() const;
    // Ticks or unticks a pool port; false when the dialog does not offer it.
    bool setBound(const QString &ip, int port, const QString &protocol, bool bound, int containerPort = 0);

  private:
    void updateSummary();

    QTreeWidget *m_ports;
    QLabel *m_summary;
    QPushButton *m_apply;
};
} // namespace lightd::gui
