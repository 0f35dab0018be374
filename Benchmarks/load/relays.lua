-- wrk script: /api/relays from a different commune each request (codes from communes.lua,
-- written by Scripts/load from the national commune list), one service, 10 km.
local codes = dofile(os.getenv("MAILLAGE_CODES") or "/tmp/maillage-load-communes.lua")
local counter = 0
request = function()
    counter = counter + 1
    local code = codes[(counter * 7919) % #codes + 1]
    return wrk.format("GET", "/api/relays?service=aide-aux-demarches-administratives&radius_km=10&commune=" .. code)
end
