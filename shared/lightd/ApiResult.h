#pragma once
#include <QJsonObject>
#include <QString>
#include <optional>

namespace lightd {
// What a failed call tells the caller: HTTP status (0 when no HTTP answer came), the contract's
// stable code, and the human message.
struct ApiErrorDto
{
    int status = 0;
    QString code;
    QString message;
};

template <typename T> struct ApiResult
{
    std::optional<T> value;
    ApiErrorDto error;

    bool ok() const { return value.has_value(); }
    const T &operator*() const { return *value; }
    const T *operator->() const { return &*value; }
};
} // namespace lightd
