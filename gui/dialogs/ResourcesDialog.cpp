#include "dialogs/ResourcesDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace lightd::gui {
namespace {
constexpr qint64 kMiB = 1024 * 1024;

QSpinBox *spin(QWidget *parent, int min, int max, const QString &suffix, const QString &special)
{
    auto *s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setSuffix(suffix);
    s->setSpecialValueText(special);
    s->setAccelerated(true);
    return s;
}

int mib(std::optional<qint64> bytes)
{
    return bytes ? int(std::clamp<qint64>(*bytes > 0 ? *bytes / kMiB : *bytes, -1, 2 * 1024 * 1024)) : 0;
}
} // namespace

ResourcesDialog::ResourcesDialog(QWidget *parent)
    : QDialog(parent), m_memory(spin(this, 0, 1024 * 1024, tr(" MiB"), tr("Unlimited"))),
      m_swap(spin(this, -1, 2 * 1024 * 1024, tr(" MiB"), tr("Unlimited"))),
      m_reservation(spin(this, 0, 1024 * 1024, tr(" MiB"), tr("None"))), m_cpu(new QDoubleSpinBox(this)),
      m_shares(spin(this, 0, 262144, QString(), tr("Default"))), m_cpuset(new QLineEdit(this)),
      m_blkio(spin(this, 0, 1000, QString(), tr("Default"))),
      m_quota(spin(this, 0, 16 * 1024 * 1024, tr(" MiB"), tr("No quota"))), m_problems(new QLabel(this))
{
    setWindowTitle(tr("Edit resources"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(
        tr("Changes apply at once, without a restart. Only the fields you change are sent."), this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *memory = new QGroupBox(tr("Memory"), this);
    auto *memoryForm = new QFormLayout(memory);
    m_memory->setObjectName(QStringLiteral("memory"));
    m_memory->setToolTip(tr("Hard limit, 4 MiB to 1 TiB."));
    memoryForm->addRow(tr("Limit"), m_memory);
    m_swap->setToolTip(tr("Memory plus swap; at least the limit, or unlimited."));
    memoryForm->addRow(tr("Memory + swap"), m_swap);
    m_reservation->setToolTip(tr("Soft limit the engine reclaims towards under memory pressure."));
    memoryForm->addRow(tr("Reservation"), m_reservation);
    layout->addWidget(memory);

    auto *cpu = new QGroupBox(tr("CPU"), this);
    auto *cpuForm = new QFormLayout(cpu);
    m_cpu->setObjectName(QStringLiteral("cpu"));
    m_cpu->setRange(0, 1024);
    m_cpu->setDecimals(2);
    m_cpu->setSingleStep(0.25);
    m_cpu->setSuffix(tr(" cores"));
    m_cpu->setSpecialValueText(tr("Unlimited"));
    cpuForm->addRow(tr("Cores"), m_cpu);
    m_shares->setToolTip(
        tr("Relative weight against other containers, 2 to 262144 (the engine's default is 1024)."));
    cpuForm->addRow(tr("Shares"), m_shares);
    m_cpuset->setPlaceholderText(tr("all CPUs, or e.g. 0-1 or 0,2"));
    cpuForm->addRow(tr("Pinned CPUs"), m_cpuset);
    layout->addWidget(cpu);

    auto *disk = new QGroupBox(tr("Disk"), this);
    auto *diskForm = new QFormLayout(disk);
    m_quota->setObjectName(QStringLiteral("quota"));
    m_quota->setToolTip(tr("The quota of the container's volume; every container on that volume shares it."));
    diskForm->addRow(tr("Volume quota"), m_quota);
    m_blkio->setToolTip(tr("Relative block I/O weight, 10 to 1000."));
    diskForm->addRow(tr("I/O weight"), m_blkio);
    layout->addWidget(disk);

    // Three forms, one label column: the fields line up across the groups.
    int labelWidth = 0;
    const QList<QFormLayout *> forms{memoryForm, cpuForm, diskForm};
    for (QFormLayout *f : forms)
        for (int row = 0; row < f->rowCount(); ++row)
            if (QWidget *label = f->itemAt(row, QFormLayout::LabelRole)->widget())
                labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QFormLayout *f : forms)
        for (int row = 0; row < f->rowCount(); ++row)
            f->itemAt(row, QFormLayout::LabelRole)->widget()->setMinimumWidth(labelWidth);

    m_problems->setObjectName(QStringLiteral("dialogHint"));
    m_problems->setProperty("error", true);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Ok);
    m_apply->setText(tr("Apply"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QSpinBox *s : {m_memory, m_swap, m_reservation, m_shares, m_blkio, m_quota})
        connect(s, &QSpinBox::valueChanged, this, &ResourcesDialog::validate);
    connect(m_cpu, &QDoubleSpinBox::valueChanged, this, &ResourcesDialog::validate);
    connect(m_cpuset, &QLineEdit::textChanged, this, &ResourcesDialog::validate);
    validate();
}

void ResourcesDialog::setCurrent(const ResourcesDto &current, const LimitsDto &limits,
                                 std::optional<qint64> quotaMb)
{
    m_current = current;
    m_limits = limits;
    m_quotaMb = quotaMb;
    m_memory->setValue(mib(current.memory ? current.memory : std::optional<qint64>(limits.memory)));
    // The engine reports 0 for "not set"; unlimited swap is -1.
    m_swap->setValue(current.memorySwap && *current.memorySwap != 0 ? mib(current.memorySwap) : -1);
    m_reservation->setValue(mib(current.memoryReservation));
    m_cpu->setValue(limits.cpu);
    m_shares->setValue(int(current.cpuShares.value_or(0)));
    m_cpuset->setText(current.cpusetCpus.value_or(QString()));
    m_blkio->setValue(int(current.blkioWeight.value_or(0)));
    m_quota->setValue(int(quotaMb.value_or(0)));
    validate();
}

ResourcesDto ResourcesDialog::changes() const
{
    ResourcesDto r;
    const int memory = mib(m_current.memory ? m_current.memory : std::optional<qint64>(m_limits.memory));
    if (m_memory->value() != memory)
        r.memory = qint64(m_memory->value()) * kMiB;
    const int swap = m_current.memorySwap && *m_current.memorySwap != 0 ? mib(m_current.memorySwap) : -1;
    if (m_swap->value() != swap)
        r.memorySwap = m_swap->value() < 0 ? -1 : qint64(m_swap->value()) * kMiB;
    if (m_reservation->value() != mib(m_current.memoryReservation))
        r.memoryReservation = qint64(m_reservation->value()) * kMiB;
    if (!qFuzzyCompare(1 + m_cpu->value(), 1 + m_limits.cpu))
        r.cpu = m_cpu->value();
    if (m_shares->value() != m_current.cpuShares.value_or(0))
        r.cpuShares = m_shares->value();
    if (m_cpuset->text().trimmed() != m_current.cpusetCpus.value_or(QString()))
        r.cpusetCpus = m_cpuset->text().trimmed();
    if (m_blkio->value() != m_current.blkioWeight.value_or(0))
        r.blkioWeight = m_blkio->value();
    return r;
}

std::optional<qint64> ResourcesDialog::quotaChange() const
{
    if (m_quota->value() == m_quotaMb.value_or(0))
        return std::nullopt;
    return m_quota->value();
}

QStringList ResourcesDialog::problems() const
{
    // The API's ranges (section 3), so the operator learns before the request is refused.
    QStringList list;
    const ResourcesDto r = changes();
    if (r.memory && *r.memory < 4 * kMiB)
        list << tr("The memory limit must be between 4 MiB and 1 TiB; the node cannot lift it while the "
                   "container exists.");
    if (r.memorySwap && *r.memorySwap != -1) {
        const qint64 memory = r.memory.value_or(qint64(m_memory->value()) * kMiB);
        if (*r.memorySwap < memory)
            list << tr("Memory + swap must be at least the memory limit, or unlimited.");
    }
    if (r.cpu && *r.cpu < 0.01)
        list << tr("CPU cores must be at least 0.01; the node cannot lift the limit live.");
    if (r.cpuShares && (*r.cpuShares < 2 || *r.cpuShares > 262144))
        list << tr("CPU shares must be between 2 and 262144.");
    if (r.blkioWeight && (*r.blkioWeight < 10 || *r.blkioWeight > 1000))
        list << tr("The I/O weight must be between 10 and 1000.");
    static const QRegularExpression cpuset(QStringLiteral("\\A[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*\\z"));
    if (r.cpusetCpus && !cpuset.match(*r.cpusetCpus).hasMatch())
        list << tr("Pinned CPUs must be a list such as 0-1 or 0,2.");
    if (const auto quota = quotaChange(); quota && *quota < 1)
        list << tr("A volume quota cannot be removed here; set a size of at least 1 MiB.");
    return list;
}

void ResourcesDialog::validate()
{
    const QStringList list = problems();
    m_problems->setText(list.join(u'\n'));
    m_problems->setVisible(!list.isEmpty());
    m_apply->setEnabled(list.isEmpty() && (!changes().isEmpty() || quotaChange()));
}
} // namespace lightd::gui
