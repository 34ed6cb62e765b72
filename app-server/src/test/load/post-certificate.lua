-- wrk script: POST /v1/certificates/verify with the JSON question in the file $QTRUST_BODY.
local file = assert(io.open(os.getenv("QTRUST_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
