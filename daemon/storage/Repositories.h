#pragma once
// Every table's repository; each lives in a file of its own (storage/<Table>Table.h).
#include "storage/ContainerTable.h"
#include "storage/PortTable.h"
#include "storage/TokenTable.h"
#include "storage/VolumeTable.h"
