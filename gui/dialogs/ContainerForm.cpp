#include "dialogs/ContainerForm.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lightd::gui {
bool isValidInternalId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return re.match(id).hasMatch();
}

QStringList validateContainer(const CreateContainerDto &form)
{
    QStringList errors;
    if (form.internalId.isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Enter a name (internal ID).");
    else if (!isValidInternalId(form.internalId))
        errors << QCoreApplication::translate("lightd::gui::ContainerForm",
                                              "The name must start with a letter or digit and use only letters, "
                                              "digits, '_', '.' and '-' (at most 64 characters).");
    if (form.image.trimmed().isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Enter the Docker image.");
    if (form.startupCommand.trimmed().isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Enter the startup command.");
    if (form.volumeId.isEmpty())
        errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Choose a volume.");
    if (!form.startPattern.isEmpty()) {
        const QRegularExpression pattern(form.startPattern);
        if (!pattern.isValid())
            errors << QCoreApplication::translate("lightd::gui::ContainerForm", "The start pattern is not a valid regular expression: %1.")
                          .arg(pattern.errorString());
    }
    for (auto it = form.env.cbegin(); it != form.env.cend(); ++it)
        if (it.key().isEmpty() || it.key().contains(u'='))
            errors << QCoreApplication::translate("lightd::gui::ContainerForm", "Environment variable names must not be empty or contain '='.");
    return errors;
}
} // namespace lightd::gui
