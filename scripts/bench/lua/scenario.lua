-- One benchmark scenario for wrk. Its data comes from a Lua file written by scripts/bench
-- (passed after `--`): a table with `mode` = "static" | "create" | "update".
--   static: `requests`, each {method, path, headers, body}, sent round-robin
--   create: `bodies` (url-encoded forms without token), `targets` ({path, cookie}, round-robin),
--           `token_prefix`: every request carries its own one-time form_token
--   update: `prefix` (the asset's contacts path), `ids`, `bodies`, `cookies`; versions are
--           tracked from the answers (303 Location: +1; 409 form: the stored version), and a
--           contact with an update in flight is skipped, so the run measures updates, not conflicts.
local cfg
local prepared = {}
local n = 0
local versions, inflight = {}, {}

c2, c3, c409, c429, c4, c5 = 0, 0, 0, 0, 0, 0

function init(args)
  cfg = dofile(args[1])
  if cfg.mode == "static" then
    for i, r in ipairs(cfg.requests) do
      prepared[i] = wrk.format(r.method, r.path, r.headers, r.body)
    end
  elseif cfg.mode == "update" then
    for _, id in ipairs(cfg.ids) do versions[id] = 1 end
  end
end

function request()
  n = n + 1
  if cfg.mode == "static" then
    return prepared[(n - 1) % #prepared + 1]
  elseif cfg.mode == "create" then
    local target = cfg.targets[(n - 1) % #cfg.targets + 1]
    local body = cfg.bodies[(n - 1) % #cfg.bodies + 1] .. "&form_token=" .. cfg.token_prefix .. string.format("%010d", n)
    return wrk.format("POST", target.path, {
      ["Cookie"] = target.cookie,
      ["Origin"] = cfg.origin,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  else
    local count = #cfg.ids
    local id
    for _ = 1, count do
      id = cfg.ids[(n - 1) % count + 1]
      if not inflight[id] then break end
      n = n + 1
    end
    inflight[id] = true
    local body = cfg.bodies[(n - 1) % #cfg.bodies + 1] .. "&version=" .. versions[id]
    return wrk.format("POST", cfg.prefix .. id, {
      ["Cookie"] = cfg.cookies[(n - 1) % #cfg.cookies + 1],
      ["Origin"] = cfg.origin,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  end
end

function response(status, headers, body)
  if status == 409 then c409 = c409 + 1
  elseif status == 429 then c429 = c429 + 1
  elseif status >= 500 then c5 = c5 + 1
  elseif status >= 400 then c4 = c4 + 1
  elseif status >= 300 then c3 = c3 + 1
  else c2 = c2 + 1 end
  if cfg.mode ~= "update" then return end
  if status == 303 then
    local location = headers["Location"] or headers["location"] or ""
    local id = string.match(location, "/contacts/([A-Za-z0-9_-]+)[^/]*$")
    if id and versions[id] then
      versions[id] = versions[id] + 1
      inflight[id] = nil
    end
  elseif status == 409 and body then
    local id = string.match(body, 'action="[^"]*/contacts/([A-Za-z0-9_-]+)"')
    local version = string.match(body, 'name="version" value="(%d+)"')
    if id and versions[id] then
      if version then versions[id] = tonumber(version) end
      inflight[id] = nil
    end
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local s = { c2 = 0, c3 = 0, c409 = 0, c429 = 0, c4 = 0, c5 = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(s) do s[key] = s[key] + (thread:get(key) or 0) end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},"status":{"2xx":%d,"3xx":%d,"409":%d,"429":%d,"4xx":%d,"5xx":%d}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    s.c2, s.c3, s.c409, s.c429, s.c4, s.c5))
end
