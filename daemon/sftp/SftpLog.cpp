#include "sftp/SftpLog.h"

Q_LOGGING_CATEGORY(lcSftp, "lightd.sftp")
