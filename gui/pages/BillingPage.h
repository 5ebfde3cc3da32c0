#pragma once
#include "lightd/BillingDto.h"
#include "pages/Page.h"

class QBarSeries;
class QBarCategoryAxis;
class QChart;
class QComboBox;
class QDateTimeAxis;
class QLineSeries;
class QDoubleSpinBox;
class QLabel;
class QTableWidget;
class QValueAxis;

namespace lightd::gui {
class TableView;
class UsageModel;

// Rates, a cost estimator (POST /billing/estimate) and the metered usage per container.
class BillingPage final : public Page
{
    Q_OBJECT
  public:
    explicit BillingPage(QWidget *parent = nullptr);
    UsageModel *usageModel() const { return m_usage; }

  public Q_SLOTS:
    void estimate();

  protected:
    void poll() override;
    void clearData() override;
    QString featureName() const override;
    QString missingFeatureLine() const override;

  private:
    QWidget *buildRates();
    QWidget *buildEstimator();
    QWidget *buildUsage();
    void showRates(const BillingRatesDto &rates);
    void showEstimate(const BillingEstimateDto &estimate);
    void loadUsage(const QStringList &containers);
    void updateChart();
    QWidget *buildHistory();
    void loadHistory();
    void showHistory();

    QLabel *m_rateLabels[4] = {};
    QDoubleSpinBox *m_inputs[4] = {};
    QTableWidget *m_result;
    QComboBox *m_period;
    UsageModel *m_usage;
    TableView *m_usageView;
    QChart *m_chart;
    QBarSeries *m_bars;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_costAxis;
    // one container's cost or one resource over the chosen window
    QComboBox *m_historyContainer;
    QComboBox *m_historyMetric;
    QChart *m_historyChart;
    QLineSeries *m_historyLine;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_historyAxis;
    UsageSeriesDto m_history;
    int m_tick = 0;
};
} // namespace lightd::gui
