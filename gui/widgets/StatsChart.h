#pragma once
#include <QWidget>

class QChart;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace lightd::gui {
// One rolling line chart (one or two series) with a headline value above it.
class StatsChart final : public QWidget
{
    Q_OBJECT
  public:
    StatsChart(const QString &title, const QStringList &seriesNames, const QList<QColor> &colors,
               QWidget *parent = nullptr);

    void add(double seconds, const QList<double> &values, const QString &headline);
    void clear();
    void setWindow(int seconds) { m_window = seconds; }
    void setFixedMax(double max) { m_fixedMax = max; }

  private:
    QLabel *m_headline;
    QChart *m_chart;
    QList<QLineSeries *> m_series;
    QValueAxis *m_x;
    QValueAxis *m_y;
    int m_window = 120;
    double m_fixedMax = 0;
};
} // namespace lightd::gui
