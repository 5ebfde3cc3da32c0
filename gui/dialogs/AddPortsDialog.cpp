#include "dialogs/AddPortsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace lightd::gui {
namespace {
constexpr int kMaxRange = 10000; // one bulk request; keeps the pool and the firewall sane
}

AddPortsDialog::AddPortsDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_single(new QRadioButton(tr("Single port"), this)),
      m_range(new QRadioButton(tr("Range of ports"), this)),
      m_ip(new QLineEdit(QStringLiteral("0.0.0.0"), this)), m_from(new QSpinBox(this)),
      m_to(new QSpinBox(this)), m_toLabel(new QLabel(tr("Last port"), this)), m_protocol(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add ports to the pool"));
    setMinimumWidth(420);
    auto *form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    auto *modes = new QHBoxLayout;
    modes->addWidget(m_single);
    modes->addWidget(m_range);
    modes->addStretch();
    form->addRow(modes);
    m_ip->setToolTip(tr("Host address the port binds on; 0.0.0.0 means every interface."));
    form->addRow(tr("IP address"), m_ip);
    m_from->setRange(1, 65535);
    m_from->setValue(25565);
    m_to->setRange(1, 65535);
    m_to->setValue(25575);
    form->addRow(tr("Port"), m_from);
    form->addRow(m_toLabel, m_to);
    m_protocol->addItem(tr("TCP"), QStringLiteral("tcp"));
    m_protocol->addItem(tr("UDP"), QStringLiteral("udp"));
    m_protocol->addItem(tr("TCP and UDP"), QStringLiteral("both"));
    form->addRow(tr("Protocol"), m_protocol);
    m_summary->setObjectName(QStringLiteral("dialogHint"));
    m_summary->setWordWrap(true);
    form->addRow(m_summary);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    (mode == Mode::Range ? m_range : m_single)->setChecked(true);
    for (QRadioButton *b : {m_single, m_range})
        connect(b, &QRadioButton::toggled, this, &AddPortsDialog::update);
    connect(m_ip, &QLineEdit::textChanged, this, &AddPortsDialog::update);
    connect(m_from, &QSpinBox::valueChanged, this, &AddPortsDialog::update);
    connect(m_to, &QSpinBox::valueChanged, this, &AddPortsDialog::update);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &AddPortsDialog::update);
    update();
}

QString AddPortsDialog::validationError() const
{
    QHostAddress address;
    if (!address.setAddress(m_ip->text().trimmed()))
        return tr("Enter a valid IPv4 or IPv6 address.");
    if (m_range->isChecked() && m_to->value() < m_from->value())
        return tr("The last port must not be below the first.");
    if (m_range->isChecked() && m_to->value() - m_from->value() + 1 > kMaxRange)
        return tr("At most %1 ports at once.").arg(kMaxRange);
    return {};
}

QList<PortDto> AddPortsDialog::ports() const
{
    QList<PortDto> list;
    const QString proto = m_protocol->currentData().toString();
    const QStringList protocols = proto == QLatin1StringView("both")
                                      ? QStringList{QStringLiteral("tcp"), QStringLiteral("udp")}
                                      : QStringList{proto};
    const int last = m_range->isChecked() ? m_to->value() : m_from->value();
    for (int port = m_from->value(); port <= last; ++port)
        for (const QString &p : protocols)
            list.append(PortDto{m_ip->text().trimmed(), port, p, false, {}});
    return list;
}

void AddPortsDialog::update()
{
    const bool range = m_range->isChecked();
    m_to->setVisible(range);
    m_toLabel->setVisible(range);
    const QString error = validationError();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    if (!error.isEmpty()) {
        m_summary->setProperty("error", true);
        m_summary->setText(error);
    } else {
        m_summary->setProperty("error", false);
        m_summary->setText(tr("%n port(s) will be added to the pool.", nullptr, int(ports().size())));
    }
    m_summary->style()->unpolish(m_summary);
    m_summary->style()->polish(m_summary);
}
} // namespace lightd::gui
