#pragma once
#include <QMap>
#include <QObject>
#include <QString>

namespace lightd::gui {
// Long operations in flight (uploads, archives, bulk edits), shown in the status bar so the
// operator sees the app working without it ever blocking.
class Activity final : public QObject
{
    Q_OBJECT
  public:
    static Activity &instance();

    int begin(const QString &text);
    void progress(int id, qint64 done, qint64 total);
    void end(int id);

    QString currentText() const;
    // 0..100, or -1 for "busy, amount unknown"; only meaningful while busy().
    int currentPercent() const;
    bool busy() const { return !m_items.isEmpty(); }

  Q_SIGNALS:
    void changed();

  private:
    struct Item
    {
        QString text;
        qint64 done = 0;
        qint64 total = -1;
    };
    QMap<int, Item> m_items;
    int m_next = 1;
};
} // namespace lightd::gui
