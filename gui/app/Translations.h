#pragma once
#include <QString>
#include <QStringList>

namespace lightd::gui::translations {
// The language setting: empty follows the system locale, else a code like "de" or "en".
QString configuredLanguage();
void setConfiguredLanguage(const QString &code);
// Installs the translators for the configured (or given) language; returns the language used.
QString install(const QString &overrideCode = {});
// Codes the app ships translations for, the source language first.
QStringList available();
QString displayName(const QString &code);
} // namespace lightd::gui::translations
