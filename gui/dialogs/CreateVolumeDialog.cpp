#include "dialogs/CreateVolumeDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace lightd::gui {
CreateVolumeDialog::CreateVolumeDialog(QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)),
      m_limit(new QCheckBox(tr("Limit the size of this volume"), this)), m_size(new QSpinBox(this))
{
    setWindowTitle(tr("New volume"));
    setMinimumWidth(380);
    auto *form = new QFormLayout(this);
    m_name->setObjectName(QStringLiteral("volumeName"));
    m_name->setPlaceholderText(tr("optional, e.g. survival world"));
    form->addRow(tr("Name"), m_name);
    form->addRow(m_limit);
    m_size->setRange(16, 16 * 1024 * 1024);
    m_size->setValue(2048);
    m_size->setSuffix(tr(" MiB"));
    m_size->setEnabled(false);
    form->addRow(tr("Quota"), m_size);
    auto *hint =
        new QLabel(tr("Writes past the quota are refused; a container filling it is stopped."), this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    hint->setWordWrap(true);
    form->addRow(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    form->addRow(buttons);
    connect(m_limit, &QCheckBox::toggled, m_size, &QSpinBox::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CreateVolumeDialog::name() const
{
    return m_name->text().trimmed();
}

std::optional<qint64> CreateVolumeDialog::quotaMb() const
{
    if (!m_limit->isChecked())
        return std::nullopt;
    return m_size->value();
}
} // namespace lightd::gui
