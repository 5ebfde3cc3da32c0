#include "billing/BillingLog.h"

Q_LOGGING_CATEGORY(lcBilling, "lightd.billing")
