#pragma once
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace lightd::gui {
// Archive name and format for compressing the selected entries.
class CompressDialog final : public QDialog
{
    Q_OBJECT
  public:
    CompressDialog(const QStringList &names, QWidget *parent = nullptr);
    QString format() const;
    QString outputName() const;

  private:
    void syncExtension();

    QLineEdit *m_name;
    QComboBox *m_format;
};
} // namespace lightd::gui
