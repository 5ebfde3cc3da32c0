#include "dialogs/ContainerForm.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lightd::gui {
bool isValidInternalId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return re.match(id).hasMatch();
}

QString startupCommandProblem(const QString &command)
{
    if (command.trimmed().isEmpty())
        return QCoreApplication::translate("lightd::gui::ContainerForm", "Enter the startup command.");
    if (command.size() > kMaxStartupCommandLength)
        return QCoreApplication::translate(
                   "lightd::gui::ContainerForm",
                   "The startup command has %1 characters; the node accepts at most %2.")
            .arg(command.size())
            .arg(kMaxStartupCommandLength);
    if (command.contains(QChar(0)))
        return QCoreApplication::translate("lightd::gui::ContainerForm",
                                           "The startup command must not contain NUL characters.");
    return {};
}

QString startPatternProblem(const QString &pattern)
{
    if (pattern.isEmpty())
        return {};
    // The daemon compiles it with the same engine and default options.
    const QRegularExpression re(pattern);
    if (re.isValid())
        return {};
    return QCoreApplication::translate(
               "lightd::gui::ContainerForm",
               "The start pattern is not a valid regular expression: %1 (at character %2).")
        .arg(re.errorString())
        .arg(re.patternErrorOffset() + 1);
}

QStringList validateContainer(const CreateContainerDto &form)
{
    QStringList errors;
    if (form.internalId.isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Enter a name (internal ID).");
    else if (!isValidInternalId(form.internalId))
        errors << QCoreApplication::translate(
            "lightd::gui::ContainerForm", "The name must start with a letter or digit and use only letters, "
                                          "digits, '_', '.' and '-' (at most 64 characters).");
    if (form.image.trimmed().isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Enter the Docker image.");
    if (const QString problem = startupCommandProblem(form.startupCommand); !problem.isEmpty())
        errors << problem;
    if (form.volumeId.isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Choose a volume.");
    if (const QString problem = startPatternProblem(form.startPattern); !problem.isEmpty())
        errors << problem;
    for (auto it = form.env.cbegin(); it != form.env.cend(); ++it)
        if (it.key().isEmpty() || it.key().contains(u'='))
            errors << QCoreApplication::translate(
                "lightd::gui::ContainerForm", "Environment variable names must not be empty or contain '='.");
    return errors;
}
} // namespace lightd::gui
