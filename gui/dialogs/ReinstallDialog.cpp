#include "dialogs/ReinstallDialog.h"

#include "app/Icons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lightd::gui {
ReinstallDialog::ReinstallDialog(const QString &internalId, const QString &currentImage, QWidget *parent)
    : QDialog(parent), m_currentImage(currentImage), m_image(new QLineEdit(currentImage, this)),
      m_replaceScript(new QCheckBox(tr("Replace the install script"), this)),
      m_script(new QPlainTextEdit(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Reinstall %1").arg(internalId));
    resize(580, 460);
    auto *layout = new QVBoxLayout(this);
    auto *warning = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(icons::get(QStringLiteral("warning")).pixmap(22, 22));
    warning->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QLabel(
        tr("The Docker container is removed and created again, and the install script runs "
           "once more. Files in the volume are kept. A running container is stopped and stays stopped until "
           "you start it again."),
        this);
    text->setWordWrap(true);
    warning->addWidget(text, 1);
    layout->addLayout(warning);

    auto *form = new QFormLayout;
    m_image->setObjectName(QStringLiteral("image"));
    form->addRow(tr("Docker image"), m_image);
    layout->addLayout(form);
    layout->addWidget(m_replaceScript);
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setPlaceholderText(tr("#!/bin/sh\n# runs in the volume before the container is created"));
    m_script->setEnabled(false);
    layout->addWidget(m_script, 1);
    auto *keep = new QLabel(tr("Left unticked, the node runs the install script it already has."), this);
    keep->setObjectName(QStringLiteral("dialogHint"));
    layout->addWidget(keep);
    m_problem->setObjectName(QStringLiteral("dialogHint"));
    m_problem->setProperty("error", true);
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_apply = buttons->button(QDialogButtonBox::Ok);
    m_apply->setText(tr("Reinstall"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_replaceScript, &QCheckBox::toggled, m_script, &QWidget::setEnabled);
    connect(m_image, &QLineEdit::textChanged, this, &ReinstallDialog::validate);
    validate();
}

std::optional<QString> ReinstallDialog::image() const
{
    const QString image = m_image->text().trimmed();
    if (image == m_currentImage)
        return std::nullopt;
    return image;
}

std::optional<QString> ReinstallDialog::installScript() const
{
    if (!m_replaceScript->isChecked())
        return std::nullopt;
    return m_script->toPlainText();
}

void ReinstallDialog::validate()
{
    const bool empty = m_image->text().trimmed().isEmpty();
    m_problem->setText(empty ? tr("Enter the Docker image.") : QString());
    m_problem->setVisible(empty);
    m_apply->setEnabled(!empty);
}
} // namespace lightd::gui
