#pragma once
#include <QDialog>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lightd::gui {
// POST /containers/:id/reinstall: recreate the Docker container, optionally from another image and
// with another install script; the volume's files stay.
class ReinstallDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit ReinstallDialog(const QString &internalId, const QString &currentImage,
                             QWidget *parent = nullptr);

    // Set only when changed: the node keeps what it has otherwise.
    std::optional<QString> image() const;
    std::optional<QString> installScript() const;

    QLineEdit *imageField() const { return m_image; }
    QCheckBox *replaceScriptBox() const { return m_replaceScript; }
    QPlainTextEdit *scriptField() const { return m_script; }

  private:
    void validate();

    QString m_currentImage;
    QLineEdit *m_image;
    QCheckBox *m_replaceScript;
    QPlainTextEdit *m_script;
    QLabel *m_problem;
    QPushButton *m_apply;
};
} // namespace lightd::gui
