-- wrk script for npm run bench: the checklist's status control, posted as the browser's
-- server action does (Next-Action header, React's multipart encoding of [state, formData]).
-- Arguments: items file ("id version status" lines), page path, action id.
-- Request k changes item k mod n; its version is the file's plus the rounds done before, and
-- its status flips between Done and In progress, so every request is a real change.
-- An answer other than the action's "success" state counts as failed.
dofile("bench/wrk/report.lua")

local items = {}
local page, action
local sent = 0
local boundary = "----benchBoundary7MA4YWxkTrZu0gW"
failed = 0
failed_sample = ""

function init(args)
  for line in io.lines(args[1]) do
    local id, version, status = line:match("^(%S+) (%d+) (%S+)$")
    if id then table.insert(items, { id = id, version = tonumber(version), done = status == "DONE" }) end
  end
  page, action = args[2], args[3]
end

local function field(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

function request()
  local n = #items
  local item = items[(sent % n) + 1]
  local round = math.floor(sent / n)
  sent = sent + 1
  local toDone = (round % 2 == 0) ~= item.done
  local body = field("_1_id", item.id) .. field("_1_version", tostring(item.version + round))
    .. field("_1_status", toDone and "DONE" or "IN_PROGRESS")
    .. field("0", '[{"status":"idle"},"$K1"]') .. "--" .. boundary .. "--\r\n"
  local headers = {}
  for key, value in pairs(wrk.headers) do headers[key] = value end
  headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
  headers["Accept"] = "text/x-component"
  headers["Next-Action"] = action
  return wrk.format("POST", page, headers, body)
end

function response(status, headers, body)
  if status < 400 and not (body and body:find('"status":"success"', 1, true)) then
    failed = failed + 1
    if failed_sample == "" then failed_sample = tostring(status) .. " " .. (body or ""):sub(1, 300) end
  end
end
