#include "volumes/VolumesLog.h"

Q_LOGGING_CATEGORY(lcVolumes, "lightd.volumes")
