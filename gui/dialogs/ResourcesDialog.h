#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/ResourcesDto.h"

#include <QDialog>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lightd::gui {
// Live limits of a running container (POST /containers/:id/resources, no restart) and the quota of
// its volume. Starts from what the engine reports; only changed fields are sent, each checked
// against the API's ranges first.
class ResourcesDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit ResourcesDialog(QWidget *parent = nullptr);

    // current: GET /containers/:id/resources; limits: the record's (cores live there);
    // quotaMb: the volume's quota, nullopt for none.
    void setCurrent(const ResourcesDto &current, const LimitsDto &limits, std::optional<qint64> quotaMb);

    ResourcesDto changes() const;
    std::optional<qint64> quotaChange() const;
    QStringList problems() const;

    QSpinBox *memoryField() const { return m_memory; }
    QDoubleSpinBox *cpuField() const { return m_cpu; }
    QSpinBox *quotaField() const { return m_quota; }

  private:
    void validate();

    QSpinBox *m_memory;
    QSpinBox *m_swap;
    QSpinBox *m_reservation;
    QDoubleSpinBox *m_cpu;
    QSpinBox *m_shares;
    QLineEdit *m_cpuset;
    QSpinBox *m_blkio;
    QSpinBox *m_quota;
    QLabel *m_problems;
    QPushButton *m_apply;
    ResourcesDto m_current;
    LimitsDto m_limits;
    std::optional<qint64> m_quotaMb;
};
} // namespace lightd::gui
