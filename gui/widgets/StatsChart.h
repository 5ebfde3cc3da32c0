#pragma once
#include <QWidget>

class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace lightd::gui {
// One rolling line chart (one or two series) with a headline value above it: a clock-time x axis and a
// y axis whose labels carry the unit and keep a decimal while the values are small.
class StatsChart final : public QWidget
{
    Q_OBJECT
  public:
    StatsChart(const QString &title, const QString &unit, const QStringList &seriesNames,
               const QList<QColor> &colors, QWidget *parent = nullptr);

    // atMs: wall-clock time of the sample (ms since the epoch).
    void add(qint64 atMs, const QList<double> &values, const QString &headline);
    void clear();
    void setWindow(int seconds) { m_window = seconds; }
    void setFixedMax(double max) { m_fixedMax = max; }
    QValueAxis *yAxis() const { return m_y; }
    QDateTimeAxis *xAxis() const { return m_x; }
    QString unit() const { return m_unit; }

  private:
    void setYRange(double max);

    QLabel *m_headline;
    QChart *m_chart;
    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    int m_window = 120;
    double m_fixedMax = 0;
    QString m_unit;
};
} // namespace lightd::gui
