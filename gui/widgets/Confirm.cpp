#include "widgets/Confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace lightd::gui {
QMessageBox *confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                     std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(yesText, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmYes"));
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [box, yes, onYes](QAbstractButton *clicked) {
        if (clicked == yes && onYes)
            onYes();
    });
    box->open();
    return box;
}
} // namespace lightd::gui
