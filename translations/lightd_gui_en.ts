<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>lightd::gui::ActionBar</name>
    <message>
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actions that do not fit in the window</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::Activity</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation><numerusform>%1 (+%n more)</numerusform><numerusform>%1 (+%n more)</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::AddPortsDialog</name>
    <message>
        <source>Single port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Range of ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add ports to the pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host address the port binds on; 0.0.0.0 means every interface.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TCP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TCP and UDP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter a valid IPv4 or IPv6 address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last port must not be below the first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At most %1 ports at once.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n port(s) will be added to the pool.</source>
        <translation><numerusform>%n port will be added to the pool.</numerusform><numerusform>%n ports will be added to the pool.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::BillingPage</name>
    <message>
        <source>Billing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the node charges and what each container has used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory, per GB-hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU, per vCPU-hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage, per GB-hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Egress, per GB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Estimate a server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Egress per month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> GB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> vCPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Calculate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hourly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Egress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage per container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The estimate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node does not meter usage: it has no billing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU (vCPU)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Egress (GB)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::CommandLine</name>
    <message>
        <source>Type a command and press Enter</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::CompressDialog</name>
    <message>
        <source>Compress</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Archive name</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ConsoleWidget</name>
    <message>
        <source>Jump to latest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a command and press Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commands can be sent while the container runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only the lines that contain the search text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show when each line arrived</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold new lines back to read; they appear on resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the lines shown to a text file</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Paused, %n new line(s) waiting</source>
        <translation><numerusform>Paused, %n new line waiting</numerusform><numerusform>Paused, %n new lines waiting</numerusform></translation>
    </message>
    <message>
        <source>Save console log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ContainerDetailPage</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Live samples arrive about once a second while the container runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Startup command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Docker ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit resources…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change memory, CPU and disk limits live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change ports…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bind other ports of the pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstall…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recreate the container, optionally from another image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the container's volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Polling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Console, state and stats arrive live over the WebSocket.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None published</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstalling %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstalling %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is being reinstalled; the console shows the install output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changing the ports of %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 is being rebound to %n port(s).</source>
        <translation><numerusform>%1 is being rebound to %n port.</numerusform><numerusform>%1 is being rebound to %n ports.</numerusform></translation>
    </message>
    <message>
        <source>Resizing the volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The volume quota is now %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Updating the resources of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The resources of %1 were updated live.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the port pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the resources of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit startup…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the startup command and the start pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving the startup of %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The startup of %1 was saved; it applies the next time the container starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill %1 now? The process is ended at once, without a clean shutdown; unsaved data is lost. Stop shuts it down cleanly.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ContainerForm</name>
    <message>
        <source>Enter a name (internal ID).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The name must start with a letter or digit and use only letters, digits, '_', '.' and '-' (at most 64 characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the Docker image.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the startup command.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a volume.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Environment variable names must not be empty or contain '='.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The startup command has %1 characters; the node accepts at most %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The startup command must not contain NUL characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The start pattern is not a valid regular expression: %1 (at character %2).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ContainersModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Docker ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU time since the last poll; 100 % is one core</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Limit %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No memory limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Game and app servers running on this node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Console, live stats and details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete container %1? Its ports are freed; its volume is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search containers, images…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is being installed: image pull and install script run on the node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container %1 deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No containers yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a game or app server: pick a Docker image, a volume for its files and ports from the pool. The node pulls the image, runs the install script and reports every step here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End at once, without a clean shutdown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation><numerusform>%n container</numerusform><numerusform>%n containers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation><numerusform>%n running</numerusform><numerusform>%n running</numerusform></translation>
    </message>
    <message>
        <source>Installing %1 failed; its console shows why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is installed and ready to start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kill %1 now? The processes end at once, without a clean shutdown; unsaved data is lost.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 sent to %n container(s).</source>
        <translation><numerusform>%1 sent to %n container.</numerusform><numerusform>%1 sent to %n containers.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::CreateContainerDialog</name>
    <message>
        <source>New container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. survival-1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name (internal ID)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. itzg/minecraft-server:latest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Docker image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. java -Xmx2G -jar server.jar nogui</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Startup command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional regex, e.g. Done \(.*\)! For help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The container counts as running once a console line matches this.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick the free pool ports this container binds; the container port is the same number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> cores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One KEY=value per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#!/bin/sh
# runs once in the volume before the first start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Install script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 quota)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New volume…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create an empty volume on the node for this container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating a volume…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The port pool has no free port. Add ports on the node's Ports page to make the server reachable; it can also be created without one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No volume on this node: create one with New volume…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No volume created: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::CreateTokenDialog</name>
    <message>
        <source>Valid for one console connection only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything (REST API and every console)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only what is ticked below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REST API (not the token routes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every container console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expires after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consoles of these containers:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The secret is shown once, right after creation. The node keeps only its hash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick at least one thing the token may reach, or choose Everything.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional, e.g. billing panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::CreateVolumeDialog</name>
    <message>
        <source>Limit the size of this volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Writes past the quota are refused; a container filling it is stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional, e.g. survival world</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::EventsModel</name>
    <message>
        <source>Crashed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Install failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restarted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::EventsPage</name>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crashes, out-of-memory kills and failed installs on this node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing went wrong since this app started watching the node.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n event(s) since this app started watching the node.</source>
        <translation><numerusform>%n event since this app started watching the node.</numerusform><numerusform>%n events since this app started watching the node.</numerusform></translation>
    </message>
    <message>
        <source>Open container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::FilesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::FilesPage</name>
    <message>
        <source>Files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the list of volumes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to the parent folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit a text file up to 1 MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extract</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter this folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume %1 · %2 of %3 used (%4 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume %1 · %2 used, no quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>/home/container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating folder %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder %1 created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renaming %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete %1? Folders are deleted with everything in them.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete the %n selected item(s)?</source>
        <translation><numerusform>Delete the %n selected item?</numerusform><numerusform>Delete the %n selected items?</numerusform></translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s)…</source>
        <translation><numerusform>Deleting %n item…</numerusform><numerusform>Deleting %n items…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deleted.</source>
        <translation><numerusform>%n item deleted.</numerusform><numerusform>%n items deleted.</numerusform></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload files to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the volume root</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uploading %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Downloading %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 looks like a binary file; download it instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compressing into %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compressing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extract archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extract %1 into folder:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extracting %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extracting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extracted %1 into %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create an empty file here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the file or folder under a new name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the mode (chmod), e.g. 0644</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already exists in this folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating file %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File %1 created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copying %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied %1 to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mode of %1 (octal, e.g. 0644 or 0755):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changing the mode of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::MainWindow</name>
    <message>
        <source>lightd admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add node…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnect node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About lightd admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About lightd admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;lightd admin %1&lt;/h3&gt;&lt;p&gt;Manages the game and app server containers of one or more lightd nodes: state, consoles, ports, volumes, files and costs.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a node to get started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · lightd %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from this app? The node itself and its containers are not touched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;All nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::NodeConnection</name>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected, lightd %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Access denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The TLS handshake failed: %1. Check the node's certificate and the URL scheme.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node cannot be reached: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node rejected the token (401). Edit the node and enter a valid token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node refused the request (403): it does not speak this client's API version.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The token may not do this (403): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many requests: the node is rate limiting this client. Try again shortly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node answered with HTTP %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::NodeDialog</name>
    <message>
        <source>Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Frankfurt 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The token is kept in the system keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keychain is available: the token is kept in this app's settings file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the node's URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The URL must be http:// or https:// with a host.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the node's token (lightd --token what prints it).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::NodeEvents</name>
    <message>
        <source>The install script or image pull failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Killed by the kernel: out of memory (limit reached).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exited with code %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Killed by the kernel: out of memory; up again for %n s.</source>
        <translation><numerusform>Killed by the kernel: out of memory; up again for %n s.</numerusform><numerusform>Killed by the kernel: out of memory; up again for %n s.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exited with code %1; up again for %n s.</source>
        <translation><numerusform>Exited with code %1; up again for %n s.</numerusform><numerusform>Exited with code %1; up again for %n s.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Up again for %n s.</source>
        <translation><numerusform>Up again for %n s.</numerusform><numerusform>Up again for %n s.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodeSidebar</name>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node administration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::NodesOverviewModel</name>
    <message>
        <source>Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers use %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n CPU(s); 100 % is all of them busy</source>
        <translation><numerusform>%n CPU; 100 % is all of them busy</numerusform><numerusform>%n CPUs; 100 % is all of them busy</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::Notifier</name>
    <message>
        <source>lightd admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::Page</name>
    <message>
        <source>No node selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a lightd node with its URL and token to start managing it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: not available on this node yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The daemon at %1 does not offer this feature yet. Update lightd on the node and this page lights up on its own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::PortsModel</name>
    <message>
        <source>In use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>reserved by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held by</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::PortsPage</name>
    <message>
        <source>Ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The pool of host ports containers may bind.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add one port to the pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a range of ports in one request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected ports from the pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick free port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the node for a random free port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search ports, owners…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port pool</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Adding %n port(s)…</source>
        <translation><numerusform>Adding %n port…</numerusform><numerusform>Adding %n ports…</numerusform></translation>
    </message>
    <message>
        <source>Adding port %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port %1/%2 added to the pool.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Adding %n port(s)</source>
        <translation><numerusform>Adding %n port</numerusform><numerusform>Adding %n ports</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) added to the pool.</source>
        <translation><numerusform>%n port added to the pool.</numerusform><numerusform>%n ports added to the pool.</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 ports added; the others were already in the pool.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove port %1/%2 on %3 from the pool?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove the %n selected port(s) from the pool?</source>
        <translation><numerusform>Remove the %n selected port from the pool?</numerusform><numerusform>Remove the %n selected ports from the pool?</numerusform></translation>
    </message>
    <message>
        <source>Delete ports</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Deleting %n port(s)…</source>
        <translation><numerusform>Deleting %n port…</numerusform><numerusform>Deleting %n ports…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n port(s)</source>
        <translation><numerusform>Deleting %n port</numerusform><numerusform>Deleting %n ports</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) removed from the pool.</source>
        <translation><numerusform>%n port removed from the pool.</numerusform><numerusform>%n ports removed from the pool.</numerusform></translation>
    </message>
    <message>
        <source>Picking a free port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free port: %1:%2/%3</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n port(s) in the pool, %1 in use, %2 free.</source>
        <translation><numerusform>%n port in the pool, %1 in use, %2 free.</numerusform><numerusform>%n ports in the pool, %1 in use, %2 free.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::RebindDialog</name>
    <message>
        <source>Change ports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick the pool ports this container binds. The node checks them first, then frees the old ports and recreates the container with the new ones; a running container restarts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inside the container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rebind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bound</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The pool has no free port. Add ports on the Ports page first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No port ticked: the container will have no published port.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n port(s) will be bound.</source>
        <translation><numerusform>%n port will be bound.</numerusform><numerusform>%n ports will be bound.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::ReinstallDialog</name>
    <message>
        <source>Replace the install script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstall %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Docker container is removed and created again, and the install script runs once more. Files in the volume are kept. A running container is stopped and stays stopped until you start it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Docker image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#!/bin/sh
# runs in the volume before the container is created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Left unticked, the node runs the install script it already has.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reinstall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the Docker image.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::ResourcesDialog</name>
    <message>
        <source> MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit resources</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changes apply at once, without a restart. Only the fields you change are sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hard limit, 4 MiB to 1 TiB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory plus swap; at least the limit, or unlimited.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory + swap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Soft limit the engine reclaims towards under memory pressure.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> cores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relative weight against other containers, 2 to 262144 (the engine's default is 1024).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>all CPUs, or e.g. 0-1 or 0,2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned CPUs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The quota of the container's volume; every container on that volume shares it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relative block I/O weight, 10 to 1000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I/O weight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The memory limit must be between 4 MiB and 1 TiB; the node cannot lift it while the container exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory + swap must be at least the memory limit, or unlimited.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU cores must be at least 0.01; the node cannot lift the limit live.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU shares must be between 2 and 262144.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The I/O weight must be between 10 and 1000.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned CPUs must be a list such as 0-1 or 0,2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A volume quota cannot be removed here; set a size of at least 1 MiB.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::RestContainerFeed</name>
    <message>
        <source>Sending the command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System default (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node tokens are stored in the system keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node tokens are stored in %1 (no keychain available).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new language applies at once; the window is rebuilt on the same page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::SftpKeysModel</name>
    <message>
        <source>(no comment)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::SftpPanel</name>
    <message>
        <source>SFTP access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add key from file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sets a new random password, shown once; the old one and its open sessions end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking the node…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in with any SFTP client; / is the container's volume. Passwords are shown only when generated.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No SFTP login for this container yet: generate a password or add a public key.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SFTP is not available on this node. Its files can be managed with Browse files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The SFTP details could not be loaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The keys could not be loaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No password was set: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a public key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 could not be read as a public key file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a private key. Choose the matching .pub file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key was not added: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key was not removed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::SftpPasswordDialog</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New SFTP password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password for &lt;b&gt;%1&lt;/b&gt;. Copy it now: it is not shown again, and the previous password no longer works.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::StartupDialog</name>
    <message>
        <source>Startup of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The command runs with /bin/sh in /home/container, the volume. Changes apply the next time the container starts; a running server is not restarted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. java -Xmx2G -jar server.jar nogui</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Startup command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none: running as soon as it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A regular expression. The container counts as running once a console line matches it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try the pattern</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste a line of the server's console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Without a pattern the container counts as running as soon as it starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the pattern to try it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The pattern may match anywhere in a line; colour codes are ignored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Matches: this line marks the container as running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✗ No match: the container would still be starting after this line.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::State</name>
    <message>
        <source>Installing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::StatsView</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>↓ %1/s  ↑ %2/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>KiB/s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::TextEditorDialog</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard your changes to %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find in file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::TokensModel</name>
    <message>
        <source>Full access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REST API</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All consoles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Console of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Until it expires</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::TokensPage</name>
    <message>
        <source>Tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scoped, expiring tokens for panels, scripts and shared consoles.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New token — copy it now, it is not shown again:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No scoped tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a panel, a script or a player's console its own token: limited to what it needs, expiring on its own, revocable at any time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a scoped, expiring token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke the selected tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens need the master token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node was added with a scoped token, and only the node's master token may list, create or revoke tokens. The node said: “%1” (HTTP 403). Edit the node and enter the master token to manage tokens here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the master token manages tokens.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n scoped token(s).</source>
        <translation><numerusform>%n scoped token.</numerusform><numerusform>%n scoped tokens.</numerusform></translation>
    </message>
    <message>
        <source>Creating the token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke tokens</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s)? Clients using them are refused from now on.</source>
        <translation><numerusform>Revoke %n token? Clients using them are refused from now on.</numerusform><numerusform>Revoke %n tokens? Clients using them are refused from now on.</numerusform></translation>
    </message>
    <message>
        <source>Revoking the token</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n token(s) revoked.</source>
        <translation><numerusform>%n token revoked.</numerusform><numerusform>%n tokens revoked.</numerusform></translation>
    </message>
    <message>
        <source>Name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name the selected token in this app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name for token %1 (empty: none):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::UsageModel</name>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU (vCPU)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Egress (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::VolumesModel</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::VolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Persistent data directories, mounted at /home/container.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a volume, optionally with a quota</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the selected volume's files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the selected volume and its data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search volumes…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n volume(s), %1 used in all. Volumes are mounted at /home/container.</source>
        <translation><numerusform>%n volume, %1 used in all. Volumes are mounted at /home/container.</numerusform><numerusform>%n volumes, %1 used in all. Volumes are mounted at /home/container.</numerusform></translation>
    </message>
    <message>
        <source>Creating the volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete volume %1 and every file in it? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleting volume %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volume deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the volume a name this app shows instead of its id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name volume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name for %1 (empty: show the id):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::WebSocketContainerFeed</name>
    <message>
        <source>closed with code %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Live console reconnected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Live console connection lost (%1); reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The live console cannot be opened (%1); retrying…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node refused the live console (HTTP %1); showing the console by polling every 2 s instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The container no longer exists on the node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A console request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending the command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The %1 action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lightd::gui::format</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop administration for lightd nodes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect to the node at &lt;url&gt; for this session.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token for --connect (default: $LIGHTD_TOKEN).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name for --connect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save a screenshot of every page into &lt;dir&gt; and quit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which screenshots to save: all (default) or empty, for a node without containers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UI language, e.g. de or en (default: $LIGHTD_GUI_LANG, then the Settings choice).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colour theme for this session: system, light or dark.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window size, e.g. 1024x700.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>