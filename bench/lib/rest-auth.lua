-- wrk script for bench/rest.sh: sends the contract's two auth headers on every request and prints
-- one machine-readable line at the end:
--   RESULT <requests/s> <p50 ms> <p99 ms> <avg ms> <requests> <non-2xx> <socket errors>
-- Env: BENCH_TOKEN (required), BENCH_ACCEPT (default the vendor media type).
local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "Application/vnd.pkglatv1+json"

done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("RESULT %.1f %.3f %.3f %.3f %d %d %d\n",
        summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000,
        summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
