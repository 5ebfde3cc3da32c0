#include "dialogs/CreateContainerDialog.h"

#include "dialogs/ContainerForm.h"
#include "dialogs/CreateVolumeDialog.h"
#include "models/Format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

namespace lightd::gui {
CreateContainerDialog::CreateContainerDialog(QWidget *parent)
    : QDialog(parent), m_id(new QLineEdit(this)), m_image(new QLineEdit(this)),
      m_startup(new QLineEdit(this)), m_pattern(new QLineEdit(this)), m_volume(new QComboBox(this)),
      m_ports(new QListWidget(this)), m_memory(new QSpinBox(this)), m_cpu(new QDoubleSpinBox(this)),
      m_env(new QPlainTextEdit(this)), m_install(new QPlainTextEdit(this)), m_problems(new QLabel(this)),
      m_poolHint(new QLabel(this)), m_volumeHint(new QLabel(this))
{
    setWindowTitle(tr("New container"));
    m_id->setObjectName(QStringLiteral("internalId"));
    m_image->setObjectName(QStringLiteral("image"));
    m_startup->setObjectName(QStringLiteral("startupCommand"));
    m_pattern->setObjectName(QStringLiteral("startPattern"));
    m_volume->setObjectName(QStringLiteral("volume"));
    m_ports->setObjectName(QStringLiteral("ports"));
    resize(620, 640);
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_id->setPlaceholderText(tr("e.g. survival-1"));
    form->addRow(tr("Name (internal ID)"), m_id);
    m_image->setPlaceholderText(tr("e.g. itzg/minecraft-server:latest"));
    form->addRow(tr("Docker image"), m_image);
    m_startup->setPlaceholderText(tr("e.g. java -Xmx2G -jar server.jar nogui"));
    form->addRow(tr("Startup command"), m_startup);
    m_pattern->setPlaceholderText(tr("optional regex, e.g. Done \\(.*\\)! For help"));
    m_pattern->setToolTip(tr("The container counts as running once a console line matches this."));
    form->addRow(tr("Start pattern"), m_pattern);
    auto *volumeRow = new QHBoxLayout;
    volumeRow->addWidget(m_volume, 1);
    auto *newVolume = new QPushButton(tr("New volume…"), this);
    newVolume->setObjectName(QStringLiteral("newVolume"));
    newVolume->setAutoDefault(false);
    newVolume->setToolTip(tr("Create an empty volume on the node for this container"));
    volumeRow->addWidget(newVolume);
    form->addRow(tr("Volume"), volumeRow);
    m_volumeHint->setObjectName(QStringLiteral("dialogHint"));
    m_volumeHint->setWordWrap(true);
    m_volumeHint->hide();
    form->addRow(QString(), m_volumeHint);
    connect(newVolume, &QPushButton::clicked, this, [this, newVolume] {
        CreateVolumeDialog ask(this);
        if (ask.exec() != QDialog::Accepted)
            return;
        newVolume->setEnabled(false);
        m_volumeHint->setText(tr("Creating a volume…"));
        m_volumeHint->setProperty("error", false);
        m_volumeHint->show();
        Q_EMIT newVolumeRequested(ask.quotaMb(), ask.name());
    });
    m_ports->setSelectionMode(QAbstractItemView::NoSelection);
    m_ports->setMinimumHeight(110);
    m_ports->setMaximumHeight(150);
    m_ports->setToolTip(
        tr("Tick the free pool ports this container binds; the container port is the same number."));
    form->addRow(tr("Host ports"), m_ports);
    m_poolHint->setObjectName(QStringLiteral("dialogHint"));
    m_poolHint->setWordWrap(true);
    m_poolHint->setText(tr("The port pool has no free port. Add ports on the node's Ports page to "
                           "make the server reachable; it can also be created without one."));
    m_poolHint->hide();
    form->addRow(QString(), m_poolHint);
    m_memory->setRange(0, 1024 * 1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setSpecialValueText(tr("Unlimited"));
    m_memory->setValue(2048);
    form->addRow(tr("Memory limit"), m_memory);
    m_cpu->setRange(0, 256);
    m_cpu->setDecimals(1);
    m_cpu->setSingleStep(0.5);
    m_cpu->setSpecialValueText(tr("Unlimited"));
    m_cpu->setSuffix(tr(" cores"));
    m_cpu->setValue(2);
    form->addRow(tr("CPU limit"), m_cpu);
    tabs->addTab(general, tr("General"));

    auto *advanced = new QWidget(tabs);
    auto *adv = new QFormLayout(advanced);
    m_env->setPlaceholderText(tr("One KEY=value per line"));
    m_env->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    adv->addRow(tr("Environment"), m_env);
    m_install->setPlaceholderText(tr("#!/bin/sh\n# runs once in the volume before the first start"));
    m_install->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    adv->addRow(tr("Install script"), m_install);
    tabs->addTab(advanced, tr("Advanced"));

    m_problems->setObjectName(QStringLiteral("dialogHint"));
    m_problems->setProperty("error", true);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_create = buttons->button(QDialogButtonBox::Ok);
    m_create->setText(tr("Create"));
    m_create->setObjectName(QStringLiteral("createButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *e : {m_id, m_image, m_startup, m_pattern})
        connect(e, &QLineEdit::textChanged, this, &CreateContainerDialog::validate);
    connect(m_volume, &QComboBox::currentIndexChanged, this, &CreateContainerDialog::validate);
    connect(m_env, &QPlainTextEdit::textChanged, this, &CreateContainerDialog::validate);
    validate();
}

QString CreateContainerDialog::volumeLabel(const VolumeDto &v, const QString &name)
{
    const QString id = name.isEmpty() ? v.volumeId : QStringLiteral("%1 — %2").arg(name, v.volumeId);
    return v.quotaMb ? tr("%1 (%2 quota)").arg(id, format::bytes(*v.quotaMb * 1024 * 1024)) : id;
}

void CreateContainerDialog::setVolumes(const QList<VolumeDto> &volumes, const QHash<QString, QString> &names)
{
    const QString keep = m_volume->currentData().toString();
    m_volume->clear();
    for (const VolumeDto &v : volumes)
        m_volume->addItem(volumeLabel(v, names.value(v.volumeId)), v.volumeId);
    if (volumes.isEmpty())
        m_volume->setPlaceholderText(tr("No volume on this node: create one with New volume…"));
    if (const int at = m_volume->findData(keep); at >= 0)
        m_volume->setCurrentIndex(at);
    validate();
}

void CreateContainerDialog::addVolume(const VolumeDto &volume, const QString &name)
{
    if (m_volume->findData(volume.volumeId) < 0)
        m_volume->addItem(volumeLabel(volume, name), volume.volumeId);
    m_volume->setCurrentIndex(m_volume->findData(volume.volumeId));
    m_volumeHint->setText(tr("Volume %1 created.").arg(volume.volumeId));
    if (auto *button = findChild<QPushButton *>(QStringLiteral("newVolume")))
        button->setEnabled(true);
    validate();
}

void CreateContainerDialog::volumeFailed(const QString &message)
{
    m_volumeHint->setText(tr("No volume created: %1").arg(message));
    m_volumeHint->setProperty("error", true);
    m_volumeHint->show();
    if (auto *button = findChild<QPushButton *>(QStringLiteral("newVolume")))
        button->setEnabled(true);
}

void CreateContainerDialog::setPorts(const QList<PortDto> &ports)
{
    m_ports->clear();
    QList<PortDto> sorted = ports;
    std::sort(sorted.begin(), sorted.end(), [](const PortDto &a, const PortDto &b) {
        return std::tuple(a.port, a.protocol, a.ip) < std::tuple(b.port, b.protocol, b.ip);
    });
    for (const PortDto &p : sorted) {
        if (p.inUse)
            continue;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1:%2/%3").arg(p.ip).arg(p.port).arg(p.protocol.toUpper()), m_ports);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(Qt::UserRole, QVariant::fromValue(p.port));
        item->setData(Qt::UserRole + 1, p.ip);
        item->setData(Qt::UserRole + 2, p.protocol);
    }
    m_poolHint->setVisible(m_ports->count() == 0);
}

CreateContainerDto CreateContainerDialog::form() const
{
    CreateContainerDto f;
    f.internalId = m_id->text().trimmed();
    f.image = m_image->text().trimmed();
    f.startupCommand = m_startup->text().trimmed();
    f.startPattern = m_pattern->text();
    f.volumeId = m_volume->currentData().toString();
    for (int i = 0; i < m_ports->count(); ++i) {
        const QListWidgetItem *item = m_ports->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        PortBindingDto b;
        b.hostPort = item->data(Qt::UserRole).toInt();
        b.containerPort = b.hostPort;
        b.ip = item->data(Qt::UserRole + 1).toString();
        b.protocol = item->data(Qt::UserRole + 2).toString();
        f.ports.append(b);
    }
    f.limits.memory = qint64(m_memory->value()) * 1024 * 1024;
    f.limits.cpu = m_cpu->value();
    for (const QString &line : m_env->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        f.env.insert(eq < 0 ? line.trimmed() + u'=' : line.left(eq).trimmed(),
                     eq < 0 ? QString() : line.mid(eq + 1));
    }
    f.installScript = m_install->toPlainText();
    return f;
}

QStringList CreateContainerDialog::problems() const
{
    return validateContainer(form());
}

void CreateContainerDialog::validate()
{
    const QStringList list = problems();
    m_create->setEnabled(list.isEmpty());
    // Only complain about fields the operator has touched or that are broken, not an empty form.
    const bool pristine = m_id->text().isEmpty() && m_image->text().isEmpty() && m_startup->text().isEmpty();
    m_problems->setText(pristine ? QString() : list.join(u'\n'));
    m_problems->setVisible(!pristine && !list.isEmpty());
}
} // namespace lightd::gui
