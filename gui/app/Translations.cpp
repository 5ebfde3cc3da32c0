#include "app/Translations.h"

#include "app/GuiLog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace lightd::gui::translations {
namespace {
const QString kKey = QStringLiteral("ui/language");
}

QString configuredLanguage()
{
    return QSettings().value(kKey).toString();
}

void setConfiguredLanguage(const QString &code)
{
    QSettings().setValue(kKey, code);
}

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString displayName(const QString &code)
{
    const QLocale locale(code);
    const QString native = locale.nativeLanguageName();
    return native.isEmpty() ? code : native.left(1).toUpper() + native.mid(1);
}

QString install(const QString &overrideCode)
{
    static QTranslator *app = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : {&app, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    QString code = overrideCode.isEmpty() ? configuredLanguage() : overrideCode;
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    app = new QTranslator(QCoreApplication::instance());
    // The .qm files are embedded under :/i18n by lightd_gui_core.
    // Unknown locales (C, POSIX, languages not shipped) get the English plural forms.
    if (app->load(locale, QStringLiteral("lightd_gui"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        app->load(QStringLiteral(":/i18n/lightd_gui_en"))) {
        QCoreApplication::installTranslator(app);
        qCInfo(lcGui) << "UI language:" << app->language();
    }
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return locale.name();
}
} // namespace lightd::gui::translations
