-- wrk script for npm run bench: prints one line "BENCH_JSON {...}" with the latency percentiles
-- (microseconds), the request count and duration, and every kind of error: socket errors,
-- statuses of 400 and above (wrk's own count), and `failed`, answers a script found wrong.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local failed = 0
  local sample = ""
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("failed") or 0)
    local s = thread:get("failed_sample")
    if s and sample == "" then sample = s end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%.0f,"p95_us":%.0f,"p99_us":%.0f,"max_us":%.0f,' ..
    '"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d,"failed":%d,"failed_sample":%q}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, failed, (sample:gsub("[%c\"\\]", " ")):sub(1, 200)))
end
