#!/bin/bash
# lightd-test: the "Complete Example Script" of ../shared/seeds/002 (quick start), copied verbatim
# lightd-test: except for these values (tst_ct_quickstart checks that nothing else differs):
# lightd-test:   TOKEN and BASE_URL come from the test's daemon;
# lightd-test:   image openjdk:17-slim -> lightd-test:busybox (busybox + bash, no registry needed);
# lightd-test:   startup_command "java ... server.jar nogui" -> a busybox command printing "Done" (start_pattern "Done" kept);
# lightd-test:   install_script: "wget https://example.com/server.jar" -> writes a stand-in server.jar (no network in tests).
TOKEN="$LIGHTD_TEST_TOKEN"
BASE_URL="$LIGHTD_TEST_URL"
# 1. Create volume
VOLUME=$(curl -s -X POST $BASE_URL/volumes \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json" | jq -r '.volume_id')
echo "Created volume: $VOLUME"
# 2. Write server properties
curl -X POST $BASE_URL/volumes/$VOLUME/files \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json" \
-H "Content-Type: application/json" \
-d '{"path": "server.properties", "content": "server-port=25565\nmax-players=20"}'
# 3. Add port to pool
curl -X POST $BASE_URL/network/ports \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json" \
-H "Content-Type: application/json" \
-d '{"ip": "0.0.0.0", "port": 25565, "protocol": "tcp"}'
# 4. Create container
curl -X POST $BASE_URL/containers \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json" \
-H "Content-Type: application/json" \
-d "{
\"internal_id\": \"minecraft-001\",
\"image\": \"lightd-test:busybox\",
\"volume_id\": \"$VOLUME\",
\"startup_command\": \"cat server.jar; echo Done; sleep 3600\",
\"start_pattern\": \"Done\",
\"ports\": [{\"ip\": \"0.0.0.0\", \"port\": 25565, \"protocol\": \"tcp\"}],
\"limits\": {\"memory\": 1073741824, \"cpu\": 2.0},
\"install_script\": \"#!/bin/bash\\necho fake-server-jar > server.jar\\necho 'eula=true' > eula.txt\"
}"
echo "Container created. Waiting for installation..."
# 5. Wait for ready state (poll every 2 seconds)
while true; do
STATE=$(curl -s -X GET $BASE_URL/containers/minecraft-001 \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json" | jq -r '.install_state')
echo "Current state: $STATE"
if [ "$STATE" = "ready" ]; then
break
fi
sleep 2
done
# 6. Start container
curl -X POST $BASE_URL/containers/minecraft-001/start \
-H "Authorization: Bearer $TOKEN" \
-H "Accept: Application/vnd.pkglatv1+json"
echo "Container started!"
