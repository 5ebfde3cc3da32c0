#include "dialogs/CompressDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lightd::gui {
CompressDialog::CompressDialog(const QStringList &names, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_format(new QComboBox(this))
{
    setWindowTitle(tr("Compress"));
    setMinimumWidth(400);
    auto *form = new QFormLayout(this);
    auto *what =
        new QLabel(names.size() == 1 ? names.first() : tr("%n item(s)", nullptr, int(names.size())), this);
    form->addRow(tr("Compress"), what);
    m_format->addItem(QStringLiteral("tar.gz"), QStringLiteral("tar.gz"));
    m_format->addItem(QStringLiteral("zip"), QStringLiteral("zip"));
    m_format->addItem(QStringLiteral("tar"), QStringLiteral("tar"));
    form->addRow(tr("Format"), m_format);
    m_name->setText((names.size() == 1 ? names.first() : tr("archive")) + QStringLiteral(".tar.gz"));
    form->addRow(tr("Archive name"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Compress"));
    form->addRow(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &CompressDialog::syncExtension);
    connect(m_name, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void CompressDialog::syncExtension()
{
    QString name = m_name->text();
    for (const char *ext : {".tar.gz", ".zip", ".tar"})
        if (name.endsWith(QLatin1StringView(ext)))
            name.chop(int(qstrlen(ext)));
    m_name->setText(name + u'.' + format());
}

QString CompressDialog::format() const
{
    return m_format->currentData().toString();
}

QString CompressDialog::outputName() const
{
    return m_name->text().trimmed();
}
} // namespace lightd::gui
