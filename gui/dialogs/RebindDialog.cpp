#include "dialogs/RebindDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

namespace lightd::gui {
namespace {
enum Column { HostColumn, InsideColumn, OwnerColumn };
constexpr int IpRole = Qt::UserRole;
constexpr int PortRole = Qt::UserRole + 1;
constexpr int ProtocolRole = Qt::UserRole + 2;
} // namespace

RebindDialog::RebindDialog(QWidget *parent)
    : QDialog(parent), m_ports(new QTreeWidget(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Change ports"));
    resize(560, 460);
    auto *layout = new QVBoxLayout(this);
    auto *hint =
        new QLabel(tr("Tick the pool ports this container binds. The node checks them first, then frees the "
                      "old ports and recreates the container with the new ones; a running container "
                      "restarts."),
                   this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_ports->setColumnCount(3);
    m_ports->setHeaderLabels({tr("Host port"), tr("Inside the container"), tr("Now")});
    m_ports->setRootIsDecorated(false);
    m_ports->setUniformRowHeights(true);
    m_ports->header()->setStretchLastSection(false);
    m_ports->header()->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    m_ports->header()->setSectionResizeMode(InsideColumn, QHeaderView::Fixed);
    m_ports->header()->setSectionResizeMode(OwnerColumn, QHeaderView::Fixed);
    m_ports->header()->resizeSection(InsideColumn, 170);
    m_ports->header()->resizeSection(OwnerColumn, 90);
    layout->addWidget(m_ports, 1);
    m_summary->setObjectName(QStringLiteral("dialogHint"));
    layout->addWidget(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Ok);
    m_apply->setText(tr("Rebind"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ports, &QTreeWidget::itemChanged, this, &RebindDialog::updateSummary);
    updateSummary();
}

void RebindDialog::setPorts(const QList<PortDto> &pool, const QString &internalId,
                            const QList<PortBindingDto> &current)
{
    m_ports->clear();
    QList<PortDto> offered;
    for (const PortDto &p : pool)
        if (!p.inUse || p.container == internalId)
            offered.append(p);
    // The container's own ports first, then the free ones by number.
    std::sort(offered.begin(), offered.end(), [&internalId](const PortDto &a, const PortDto &b) {
        return std::tuple(a.container != internalId, a.port, a.protocol, a.ip) <
               std::tuple(b.container != internalId, b.port, b.protocol, b.ip);
    });
    const QSignalBlocker block(m_ports);
    for (const PortDto &p : offered) {
        auto *item = new QTreeWidgetItem(m_ports);
        item->setText(HostColumn, QStringLiteral("%1:%2/%3").arg(p.ip).arg(p.port).arg(p.protocol.toUpper()));
        item->setData(HostColumn, IpRole, p.ip);
        item->setData(HostColumn, PortRole, p.port);
        item->setData(HostColumn, ProtocolRole, p.protocol);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        int inside = p.port;
        bool bound = false;
        for (const PortBindingDto &b : current)
            if (b.hostPort == p.port && b.protocol == p.protocol && b.ip == p.ip) {
                bound = true;
                inside = b.containerPort;
            }
        item->setCheckState(HostColumn, bound ? Qt::Checked : Qt::Unchecked);
        item->setText(OwnerColumn, bound ? tr("bound") : tr("free"));
        item->setForeground(OwnerColumn, bound ? QColor(0x16, 0x65, 0x34) : QColor(0x6b, 0x72, 0x80));
        auto *spin = new QSpinBox(m_ports);
        spin->setRange(1, 65535);
        spin->setValue(inside);
        spin->setFrame(false);
        m_ports->setItemWidget(item, InsideColumn, spin);
    }
    m_ports->scrollToTop();
    updateSummary();
}

bool RebindDialog::setBound(const QString &ip, int port, const QString &protocol, bool bound,
                            int containerPort)
{
    for (int i = 0; i < m_ports->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ports->topLevelItem(i);
        if (item->data(HostColumn, IpRole).toString() != ip ||
            item->data(HostColumn, PortRole).toInt() != port ||
            item->data(HostColumn, ProtocolRole).toString() != protocol)
            continue;
        if (containerPort > 0)
            static_cast<QSpinBox *>(m_ports->itemWidget(item, InsideColumn))->setValue(containerPort);
        item->setCheckState(HostColumn, bound ? Qt::Checked : Qt::Unchecked);
        return true;
    }
    return false;
}

QList<PortBindingDto> RebindDialog::bindings() const
{
    QList<PortBindingDto> out;
    for (int i = 0; i < m_ports->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ports->topLevelItem(i);
        if (item->checkState(HostColumn) != Qt::Checked)
            continue;
        PortBindingDto b;
        b.ip = item->data(HostColumn, IpRole).toString();
        b.hostPort = item->data(HostColumn, PortRole).toInt();
        b.protocol = item->data(HostColumn, ProtocolRole).toString();
        b.containerPort = static_cast<QSpinBox *>(m_ports->itemWidget(item, InsideColumn))->value();
        out.append(b);
    }
    return out;
}

void RebindDialog::updateSummary()
{
    const qsizetype n = bindings().size();
    if (m_ports->topLevelItemCount() == 0)
        m_summary->setText(tr("The pool has no free port. Add ports on the Ports page first."));
    else
        m_summary->setText(n == 0 ? tr("No port ticked: the container will have no published port.")
                                  : tr("%n port(s) will be bound.", nullptr, int(n)));
}
} // namespace lightd::gui
