#include "dialogs/SettingsDialog.h"

#include "app/Theme.h"
#include "app/Translations.h"
#include "nodes/TokenStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>

namespace lightd::gui {
SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(420);
    auto *form = new QFormLayout(this);
    m_language->addItem(
        tr("System default (%1)").arg(translations::displayName(QLocale::system().name().left(2))),
        QString());
    for (const QString &code : translations::available())
        m_language->addItem(translations::displayName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(translations::configuredLanguage())));
    form->addRow(tr("Language"), m_language);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Follow the desktop"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(theme::configured())));
    form->addRow(tr("Theme"), m_theme);
    auto *hint =
        new QLabel(tr("A new language applies at once; the window is rebuilt on the same page."), this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    form->addRow(hint);
    auto *storage = new QLabel(
        TokenStore::defaultBackend() == TokenStore::Backend::Keychain
            ? tr("Node tokens are stored in the system keychain.")
            : tr("Node tokens are stored in %1 (no keychain available).").arg(QSettings().fileName()),
        this);
    storage->setObjectName(QStringLiteral("dialogHint"));
    storage->setWordWrap(true);
    form->addRow(tr("Tokens"), storage);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::accept()
{
    translations::setConfiguredLanguage(m_language->currentData().toString());
    if (m_theme->currentData().toString() != theme::configured()) {
        theme::setConfigured(m_theme->currentData().toString());
        applyTheme(*qApp);
    }
    QDialog::accept();
}
} // namespace lightd::gui
