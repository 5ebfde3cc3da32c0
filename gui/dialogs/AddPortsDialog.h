#pragma once
#include "lightd/PortDto.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace lightd::gui {
// Adds one port or a range to the pool; a range becomes one bulk request.
class AddPortsDialog final : public QDialog
{
    Q_OBJECT
  public:
    enum class Mode { Single, Range };
    explicit AddPortsDialog(Mode mode, QWidget *parent = nullptr);

    QList<PortDto> ports() const;
    QString validationError() const;

  private:
    void update();

    QRadioButton *m_single;
    QRadioButton *m_range;
    QLineEdit *m_ip;
    QSpinBox *m_from;
    QSpinBox *m_to;
    QLabel *m_toLabel;
    QComboBox *m_protocol;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};
} // namespace lightd::gui
