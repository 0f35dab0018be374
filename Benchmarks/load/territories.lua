-- wrk script: /territoires/{département} pages, cycling through every département.
local departements = dofile(os.getenv("MAILLAGE_DEPARTEMENTS") or "/tmp/maillage-load-departements.lua")
local counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", "/territoires/" .. departements[counter % #departements + 1])
end
