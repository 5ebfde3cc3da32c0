#pragma once
#include <QLineEdit>
#include <QStringList>

namespace lightd::gui {
// A single-line command input with shell-like history on Up/Down.
class CommandLine final : public QLineEdit
{
    Q_OBJECT
  public:
    explicit CommandLine(QWidget *parent = nullptr);
    QStringList history() const { return m_history; }
    static constexpr int kHistoryLimit = 200;

  Q_SIGNALS:
    void commandEntered(const QString &command);

  protected:
    void keyPressEvent(QKeyEvent *event) override;

  private:
    void submit();

    QStringList m_history;
    qsizetype m_position = 0; // == size(): editing a fresh line
    QString m_draft;
};
} // namespace lightd::gui
