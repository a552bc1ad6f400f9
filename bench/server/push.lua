-- wrk script: every request is a valid push of one absence (recordAbsence, annual leave, one
-- full working day) from its own device.
--
-- The server wants each device's mutation ids in order (last + 1). A device is therefore lent
-- to one request at a time: request() takes a free device and sends its next id, response()
-- reads the device back from the echoed uuid ("b-THREAD-DEVICE-ID") and frees it. Each thread
-- holds more devices than connections, so one is always free.
--
-- Environment: BENCH_DEVICES (one device a line: its access token, then optionally a tab and
-- the last mutation id the server holds for it, so a device pushed by an earlier run goes on),
-- BENCH_DOSSIERS (one dossier id a line, writable by the devices' user), BENCH_THREADS (wrk -t),
-- BENCH_PUSH_YEAR (the year of the absences, 2027 unless given: each run of one bench takes
-- its own, so no absence overlaps one of an earlier run).
-- (dossier, day) pairs never repeat, so no absence overlaps another.

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("tid", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

function init(args)
   nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
   tokens = {}
   local starts = {}
   local i = 0
   for line in io.lines(os.getenv("BENCH_DEVICES")) do
      if line ~= "" then
         if i % nthreads == tid then
            local token, last = string.match(line, "^([^\t]+)\t?(%d*)$")
            table.insert(tokens, token)
            table.insert(starts, tonumber(last) or 0)
         end
         i = i + 1
      end
   end
   dossiers = {}
   for line in io.lines(os.getenv("BENCH_DOSSIERS")) do
      if line ~= "" then table.insert(dossiers, line) end
   end
   free = {}
   last_id = {}
   for k = #tokens, 1, -1 do
      table.insert(free, k)
      last_id[k] = starts[k]
   end
   sent, applied, rejected, conflict, gap, unreadable, starved = 0, 0, 0, 0, 0, 0, 0
   reasons = ""
   local year = tonumber(os.getenv("BENCH_PUSH_YEAR") or "2027")
   -- The first Monday of January of that year.
   base = os.time({ year = year, month = 1, day = 1, hour = 12 })
   while os.date("*t", base).wday ~= 2 do base = base + 86400 end
end

function request()
   local k = table.remove(free)
   if k == nil then
      -- Should not happen (more devices than connections); such a push may come back as a gap.
      starved = starved + 1
      k = math.random(#tokens)
   end
   last_id[k] = last_id[k] + 1
   local i = sent * nthreads + tid
   sent = sent + 1
   local dossier = dossiers[(i % #dossiers) + 1]
   local day = math.floor(i / #dossiers)
   local date = os.date("%Y-%m-%d", base + (math.floor(day / 5) * 7 + day % 5) * 86400)
   local uuid = string.format("b-%d-%d-%d", tid, k, last_id[k])
   local body = string.format(
      '{"mutations":[{"id":%d,"uuid":"%s","mutation":{"name":"recordAbsence","payload":' ..
      '{"record_id":"bench-%s","dossier_id":"%s","kind":"absence","type":"annual_leave",' ..
      '"start":"%s","end":"%s","day_part":"full"}}}]}',
      last_id[k], uuid, uuid, dossier, date, date)
   return wrk.format("POST", nil, {
      ["Authorization"] = "Bearer " .. tokens[k],
      ["Content-Type"] = "application/json",
   }, body)
end

function response(status, headers, body)
   local k = string.match(body, '"uuid":"b%-%d+%-(%d+)%-')
   if k then table.insert(free, tonumber(k)) end
   local result = string.match(body, '"status":"(%a+)"')
   if status ~= 200 or result == nil then
      unreadable = unreadable + 1
   elseif result == "applied" then
      applied = applied + 1
   elseif result == "rejected" then
      rejected = rejected + 1
      local reason = string.match(body, '"reason":"([^"]*)"')
      if reason and #reasons < 200 and not string.find(reasons, reason, 1, true) then
         reasons = reasons .. " " .. reason
      end
   elseif result == "conflict" then
      conflict = conflict + 1
   elseif result == "gap" then
      gap = gap + 1
   end
end

function done(summary, latency, requests)
   local totals = { applied = 0, rejected = 0, conflict = 0, gap = 0, unreadable = 0, starved = 0 }
   local why = ""
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
         totals[name] = totals[name] + (thread:get(name) or 0)
      end
      why = why .. (thread:get("reasons") or "")
   end
   io.write(string.format(
      "push results: applied %d, rejected %d, conflict %d, gap %d, unreadable %d, starved %d%s\n",
      totals.applied, totals.rejected, totals.conflict, totals.gap, totals.unreadable, totals.starved,
      why ~= "" and (" (rejections:" .. why .. ")") or ""))
end
