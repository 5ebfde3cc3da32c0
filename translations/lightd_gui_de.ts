<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>lightd::gui::ActionBar</name>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Actions that do not fit in the window</source>
        <translation>Aktionen, die nicht ins Fenster passen</translation>
    </message>
</context>
<context>
    <name>lightd::gui::Activity</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n weiterer)</numerusform>
            <numerusform>%1 (+%n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightd::gui::AddPortsDialog</name>
    <message>
        <source>Single port</source>
        <translation>Einzelner Port</translation>
    </message>
    <message>
        <source>Range of ports</source>
        <translation>Portbereich</translation>
    </message>
    <message>
        <source>Last port</source>
        <translation>Letzter Port</translation>
    </message>
    <message>
        <source>Add ports to the pool</source>
        <translation>Ports zum Pool hinzufügen</translation>
    </message>
    <message>
        <source>Host address the port binds on; 0.0.0.0 means every interface.</source>
        <translation>Hostadresse, an die der Port gebunden wird; 0.0.0.0 steht für alle Schnittstellen.</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP and UDP</source>
        <translation>TCP und UDP</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Enter a valid IPv4 or IPv6 address.</source>
        <translation>Geben Sie eine gültige IPv4- oder IPv6-Adresse ein.</translation>
    </message>
    <message>
        <source>The last port must not be below the first.</source>
        <translation>Der letzte Port darf nicht kleiner als der erste sein.</translation>
    </message>
    <message>
        <source>At most %1 ports at once.</source>
        <translation>Höchstens %1 Ports auf einmal.</translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) will be added to the pool.</source>
        <translation>
            <numerusform>%n Port wird zum Pool hinzugefügt.</numerusform>
            <numerusform>%n Ports werden zum Pool hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightd::gui::BillingPage</name>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>What the node charges and what each container has used.</source>
        <translation>Was der Knoten berechnet und was jeder Container verbraucht hat.</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>Memory, per GB-hour</source>
        <translation>Arbeitsspeicher, je GB-Stunde</translation>
    </message>
    <message>
        <source>CPU, per vCPU-hour</source>
        <translation>CPU, je vCPU-Stunde</translation>
    </message>
    <message>
        <source>Storage, per GB-hour</source>
        <translation>Speicherplatz, je GB-Stunde</translation>
    </message>
    <message>
        <source>Egress, per GB</source>
        <translation>Ausgehender Traffic, je GB</translation>
    </message>
    <message>
        <source>Estimate a server</source>
        <translation>Server abschätzen</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>Egress per month</source>
        <translation>Traffic pro Monat</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source> vCPU</source>
        <translation> vCPU</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Egress</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Usage per container</source>
        <translation>Verbrauch pro Container</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>The estimate</source>
        <translation>Die Schätzung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>This node does not meter usage: it has no billing.</source>
        <translation>Dieser Node misst keine Nutzung: Er hat keine Abrechnung.</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Im Verlauf</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>Arbeitsspeicher (GB)</translation>
    </message>
    <message>
        <source>CPU (vCPU)</source>
        <translation>CPU (vCPU)</translation>
    </message>
    <message>
        <source>Storage (GB)</source>
        <translation>Speicherplatz (GB)</translation>
    </message>
    <message>
        <source>Egress (GB)</source>
        <translation>Ausgehender Traffic (GB)</translation>
    </message>
</context>
<context>
    <name>lightd::gui::CommandLine</name>
    <message>
        <source>Type a command and press Enter</source>
        <translation>Befehl eingeben und Enter drücken</translation>
    </message>
</context>
<context>
    <name>lightd::gui::CompressDialog</name>
    <message>
        <source>Compress</source>
        <translation>Komprimieren</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>archiv</translation>
    </message>
    <message>
        <source>Archive name</source>
        <translation>Archivname</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ConsoleWidget</name>
    <message>
        <source>Jump to latest</source>
        <translation>Zum Neuesten</translation>
    </message>
    <message>
        <source>Type a command and press Enter</source>
        <translation>Befehl eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>Commands can be sent while the container runs</source>
        <translation>Befehle können gesendet werden, während der Container läuft</translation>
    </message>
    <message>
        <source>Search the console</source>
        <translation>Konsole durchsuchen</translation>
    </message>
    <message>
        <source>Only matches</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>Show only the lines that contain the search text</source>
        <translation>Nur die Zeilen zeigen, die den Suchtext enthalten</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Show when each line arrived</source>
        <translation>Zeigen, wann jede Zeile ankam</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Hold new lines back to read; they appear on resume</source>
        <translation>Neue Zeilen zum Lesen zurückhalten; sie erscheinen beim Fortsetzen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the lines shown to a text file</source>
        <translation>Die angezeigten Zeilen in eine Textdatei speichern</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Paused, %n new line(s) waiting</source>
        <translation>
            <numerusform>Pausiert, %n neue Zeile wartet</numerusform>
            <numerusform>Pausiert, %n neue Zeilen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Save console log</source>
        <translation>Konsolenprotokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ContainerDetailPage</name>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Beenden erzwingen</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Live samples arrive about once a second while the container runs.</source>
        <translation>Live-Messwerte kommen etwa einmal pro Sekunde, solange der Container läuft.</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Startup command</source>
        <translation>Startbefehl</translation>
    </message>
    <message>
        <source>Start pattern</source>
        <translation>Startmuster</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speicherlimit</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU-Limit</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>Docker ID</source>
        <translation>Docker-ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Edit resources…</source>
        <translation>Ressourcen bearbeiten…</translation>
    </message>
    <message>
        <source>Change memory, CPU and disk limits live</source>
        <translation>Speicher-, CPU- und Plattenlimits im laufenden Betrieb ändern</translation>
    </message>
    <message>
        <source>Change ports…</source>
        <translation>Ports ändern…</translation>
    </message>
    <message>
        <source>Bind other ports of the pool</source>
        <translation>Andere Ports aus dem Pool binden</translation>
    </message>
    <message>
        <source>Reinstall…</source>
        <translation>Neu installieren…</translation>
    </message>
    <message>
        <source>Recreate the container, optionally from another image</source>
        <translation>Den Container neu erstellen, wahlweise aus einem anderen Image</translation>
    </message>
    <message>
        <source>Browse files</source>
        <translation>Dateien durchsuchen</translation>
    </message>
    <message>
        <source>Open the container's volume</source>
        <translation>Das Volume des Containers öffnen</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Console, state and stats arrive live over the WebSocket.</source>
        <translation>Konsole, Zustand und Statistiken kommen live über den WebSocket.</translation>
    </message>
    <message>
        <source>None published</source>
        <translation>Keine veröffentlicht</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Reinstalling %1…</source>
        <translation>%1 wird neu installiert…</translation>
    </message>
    <message>
        <source>Reinstalling %1</source>
        <translation>Neuinstallation von %1</translation>
    </message>
    <message>
        <source>%1 is being reinstalled; the console shows the install output.</source>
        <translation>%1 wird neu installiert; die Konsole zeigt die Ausgabe der Installation.</translation>
    </message>
    <message>
        <source>Changing the ports of %1</source>
        <translation>Ändern der Ports von %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 is being rebound to %n port(s).</source>
        <translation>
            <numerusform>%1 wird an %n Port gebunden.</numerusform>
            <numerusform>%1 wird an %n Ports gebunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resizing the volume</source>
        <translation>Ändern der Volume-Größe</translation>
    </message>
    <message>
        <source>The volume quota is now %1.</source>
        <translation>Das Volume-Kontingent beträgt jetzt %1.</translation>
    </message>
    <message>
        <source>Updating the resources of %1</source>
        <translation>Ändern der Ressourcen von %1</translation>
    </message>
    <message>
        <source>The resources of %1 were updated live.</source>
        <translation>Die Ressourcen von %1 wurden im laufenden Betrieb geändert.</translation>
    </message>
    <message>
        <source>Loading the port pool</source>
        <translation>Laden des Port-Pools</translation>
    </message>
    <message>
        <source>Loading the resources of %1</source>
        <translation>Laden der Ressourcen von %1</translation>
    </message>
    <message>
        <source>Edit startup…</source>
        <translation>Starteinstellungen bearbeiten…</translation>
    </message>
    <message>
        <source>Change the startup command and the start pattern</source>
        <translation>Startbefehl und Startmuster ändern</translation>
    </message>
    <message>
        <source>Saving the startup of %1 failed: %2</source>
        <translation>Speichern der Starteinstellungen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The startup of %1 was saved; it applies the next time the container starts.</source>
        <translation>Die Starteinstellungen von %1 wurden gespeichert; sie gelten ab dem nächsten Start des Containers.</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>%1 beenden (Kill)</translation>
    </message>
    <message>
        <source>Kill %1 now? The process is ended at once, without a clean shutdown; unsaved data is lost. Stop shuts it down cleanly.</source>
        <translation>%1 jetzt hart beenden? Der Prozess endet sofort, ohne sauberes Herunterfahren; ungespeicherte Daten gehen verloren. „Stoppen“ fährt ihn sauber herunter.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ContainerForm</name>
    <message>
        <source>Enter a name (internal ID).</source>
        <translation>Geben Sie einen Namen (interne ID) ein.</translation>
    </message>
    <message>
        <source>The name must start with a letter or digit and use only letters, digits, '_', '.' and '-' (at most 64 characters).</source>
        <translation>Der Name muss mit einem Buchstaben oder einer Ziffer beginnen und darf nur Buchstaben, Ziffern, '_', '.' und '-' enthalten (höchstens 64 Zeichen).</translation>
    </message>
    <message>
        <source>Enter the Docker image.</source>
        <translation>Geben Sie das Docker-Image ein.</translation>
    </message>
    <message>
        <source>Enter the startup command.</source>
        <translation>Geben Sie den Startbefehl ein.</translation>
    </message>
    <message>
        <source>Choose a volume.</source>
        <translation>Wählen Sie ein Volume.</translation>
    </message>
    <message>
        <source>Environment variable names must not be empty or contain '='.</source>
        <translation>Namen von Umgebungsvariablen dürfen nicht leer sein und kein '=' enthalten.</translation>
    </message>
    <message>
        <source>The startup command has %1 characters; the node accepts at most %2.</source>
        <translation>Der Startbefehl hat %1 Zeichen; der Knoten nimmt höchstens %2 an.</translation>
    </message>
    <message>
        <source>The startup command must not contain NUL characters.</source>
        <translation>Der Startbefehl darf keine NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>The start pattern is not a valid regular expression: %1 (at character %2).</source>
        <translation>Das Startmuster ist kein gültiger regulärer Ausdruck: %1 (bei Zeichen %2).</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ContainersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Docker ID</source>
        <translation>Docker-ID</translation>
    </message>
    <message>
        <source>CPU time since the last poll; 100 % is one core</source>
        <translation>CPU-Zeit seit der letzten Abfrage; 100 % ist ein Kern</translation>
    </message>
    <message>
        <source>Limit %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <source>No memory limit</source>
        <translation>Keine Speichergrenze</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Game and app servers running on this node.</source>
        <translation>Game- und App-Server auf diesem Knoten.</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>Neuer Container</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Console, live stats and details</source>
        <translation>Konsole, Live-Statistiken und Details</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete container</source>
        <translation>Container löschen</translation>
    </message>
    <message>
        <source>Delete container %1? Its ports are freed; its volume is kept.</source>
        <translation>Container %1 löschen? Seine Ports werden freigegeben, sein Volume bleibt erhalten.</translation>
    </message>
    <message>
        <source>Search containers, images…</source>
        <translation>Container, Images suchen…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird erstellt…</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Erstellen von %1</translation>
    </message>
    <message>
        <source>%1 is being installed: image pull and install script run on the node.</source>
        <translation>%1 wird installiert: Image-Download und Installationsskript laufen auf dem Knoten.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Container %1 deleted.</source>
        <translation>Container %1 gelöscht.</translation>
    </message>
    <message>
        <source>No containers yet</source>
        <translation>Noch keine Container</translation>
    </message>
    <message>
        <source>Create a game or app server: pick a Docker image, a volume for its files and ports from the pool. The node pulls the image, runs the install script and reports every step here.</source>
        <translation>Legen Sie einen Game- oder App-Server an: Wählen Sie ein Docker-Image, ein Volume für seine Dateien und Ports aus dem Pool. Der Knoten lädt das Image, führt das Installationsskript aus und meldet hier jeden Schritt.</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Beenden erzwingen</translation>
    </message>
    <message>
        <source>End at once, without a clean shutdown</source>
        <translation>Sofort beenden, ohne sauberes Herunterfahren</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n Container</numerusform>
            <numerusform>%n Container</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Installing %1 failed; its console shows why.</source>
        <translation>Die Installation von %1 ist fehlgeschlagen; die Konsole zeigt den Grund.</translation>
    </message>
    <message>
        <source>%1 is installed and ready to start.</source>
        <translation>%1 ist installiert und startbereit.</translation>
    </message>
    <message>
        <source>Kill containers</source>
        <translation>Container hart beenden</translation>
    </message>
    <message>
        <source>Kill %1 now? The processes end at once, without a clean shutdown; unsaved data is lost.</source>
        <translation>%1 jetzt hart beenden? Die Prozesse enden sofort, ohne sauberes Herunterfahren; ungespeicherte Daten gehen verloren.</translation>
    </message>
    <message numerus="yes">
        <source>%1 sent to %n container(s).</source>
        <translation>
            <numerusform>%1 an %n Container gesendet.</numerusform>
            <numerusform>%1 an %n Container gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightd::gui::CreateContainerDialog</name>
    <message>
        <source>New container</source>
        <translation>Neuer Container</translation>
    </message>
    <message>
        <source>e.g. survival-1</source>
        <translation>z. B. survival-1</translation>
    </message>
    <message>
        <source>Name (internal ID)</source>
        <translation>Name (interne ID)</translation>
    </message>
    <message>
        <source>e.g. itzg/minecraft-server:latest</source>
        <translation>z. B. itzg/minecraft-server:latest</translation>
    </message>
    <message>
        <source>Docker image</source>
        <translation>Docker-Image</translation>
    </message>
    <message>
        <source>e.g. java -Xmx2G -jar server.jar nogui</source>
        <translation>z. B. java -Xmx2G -jar server.jar nogui</translation>
    </message>
    <message>
        <source>Startup command</source>
        <translation>Startbefehl</translation>
    </message>
    <message>
        <source>optional regex, e.g. Done \(.*\)! For help</source>
        <translation>optionaler Regex, z. B. Done \(.*\)! For help</translation>
    </message>
    <message>
        <source>The container counts as running once a console line matches this.</source>
        <translation>Der Container gilt als laufend, sobald eine Konsolenzeile hierauf passt.</translation>
    </message>
    <message>
        <source>Start pattern</source>
        <translation>Startmuster</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Tick the free pool ports this container binds; the container port is the same number.</source>
        <translation>Haken Sie die freien Pool-Ports an, die dieser Container bindet; der Container-Port hat dieselbe Nummer.</translation>
    </message>
    <message>
        <source>Host ports</source>
        <translation>Host-Ports</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speicherlimit</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> Kerne</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU-Limit</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>One KEY=value per line</source>
        <translation>Ein SCHLÜSSEL=Wert pro Zeile</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>#!/bin/sh
# runs once in the volume before the first start</source>
        <translation>#!/bin/sh
# läuft einmal im Volume vor dem ersten Start</translation>
    </message>
    <message>
        <source>Install script</source>
        <translation>Installationsskript</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>%1 (%2 quota)</source>
        <translation>%1 (%2 Kontingent)</translation>
    </message>
    <message>
        <source>New volume…</source>
        <translation>Neues Volume…</translation>
    </message>
    <message>
        <source>Create an empty volume on the node for this container</source>
        <translation>Ein leeres Volume auf dem Knoten für diesen Container anlegen</translation>
    </message>
    <message>
        <source>Creating a volume…</source>
        <translation>Volume wird angelegt…</translation>
    </message>
    <message>
        <source>The port pool has no free port. Add ports on the node's Ports page to make the server reachable; it can also be created without one.</source>
        <translation>Der Port-Pool hat keinen freien Port. Fügen Sie auf der Seite Ports des Knotens Ports hinzu, damit der Server erreichbar ist; er kann auch ohne Port angelegt werden.</translation>
    </message>
    <message>
        <source>No volume on this node: create one with New volume…</source>
        <translation>Kein Volume auf diesem Knoten: mit „Neues Volume…“ eines anlegen</translation>
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation>Volume %1 angelegt.</translation>
    </message>
    <message>
        <source>No volume created: %1</source>
        <translation>Kein Volume angelegt: %1</translation>
    </message>
</context>
<context>
    <name>lightd::gui::CreateTokenDialog</name>
    <message>
        <source>Valid for one console connection only</source>
        <translation>Nur für eine Konsolenverbindung gültig</translation>
    </message>
    <message>
        <source>Everything (REST API and every console)</source>
        <translation>Alles (REST-API und jede Konsole)</translation>
    </message>
    <message>
        <source>Only what is ticked below</source>
        <translation>Nur das unten Angehakte</translation>
    </message>
    <message>
        <source>REST API (not the token routes)</source>
        <translation>REST-API (ohne die Token-Routen)</translation>
    </message>
    <message>
        <source>Every container console</source>
        <translation>Jede Container-Konsole</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Läuft ab nach</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Consoles of these containers:</source>
        <translation>Konsolen dieser Container:</translation>
    </message>
    <message>
        <source>The secret is shown once, right after creation. The node keeps only its hash.</source>
        <translation>Das Geheimnis wird einmal angezeigt, direkt nach dem Erstellen. Der Knoten speichert nur seinen Hash.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Tick at least one thing the token may reach, or choose Everything.</source>
        <translation>Haken Sie mindestens etwas an, das das Token erreichen darf, oder wählen Sie „Alles“.</translation>
    </message>
    <message>
        <source>optional, e.g. billing panel</source>
        <translation>optional, z. B. Abrechnungs-Panel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>lightd::gui::CreateVolumeDialog</name>
    <message>
        <source>Limit the size of this volume</source>
        <translation>Größe dieses Volumes begrenzen</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Writes past the quota are refused; a container filling it is stopped.</source>
        <translation>Schreibvorgänge über das Kontingent hinaus werden abgelehnt; ein Container, der es füllt, wird gestoppt.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>optional, e.g. survival world</source>
        <translation>optional, z. B. Survival-Welt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>lightd::gui::EventsModel</name>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>Speicher voll</translation>
    </message>
    <message>
        <source>Install failed</source>
        <translation>Installation fehlgeschlagen</translation>
    </message>
    <message>
        <source>Restarted</source>
        <translation>Neu gestartet</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>lightd::gui::EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Crashes, out-of-memory kills and failed installs on this node.</source>
        <translation>Abstürze, Speicherabbrüche und fehlgeschlagene Installationen auf diesem Node.</translation>
    </message>
    <message>
        <source>Nothing went wrong since this app started watching the node.</source>
        <translation>Nichts ist schiefgegangen, seit diese App den Node beobachtet.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) since this app started watching the node.</source>
        <translation>
            <numerusform>%n Ereignis, seit diese App den Node beobachtet.</numerusform>
            <numerusform>%n Ereignisse, seit diese App den Node beobachtet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open container</source>
        <translation>Container öffnen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>lightd::gui::FilesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Rechte</translation>
    </message>
</context>
<context>
    <name>lightd::gui::FilesPage</name>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Back to the list of volumes</source>
        <translation>Zurück zur Volume-Liste</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Go to the parent folder</source>
        <translation>Zum übergeordneten Ordner</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit a text file up to 1 MiB</source>
        <translation>Textdatei bis 1 MiB bearbeiten</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Filter this folder…</source>
        <translation>Diesen Ordner filtern…</translation>
    </message>
    <message>
        <source>File manager</source>
        <translation>Dateiverwaltung</translation>
    </message>
    <message>
        <source>Volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <source>Volume %1 · %2 of %3 used (%4 %)</source>
        <translation>Volume %1 · %2 von %3 belegt (%4 %)</translation>
    </message>
    <message>
        <source>Volume %1 · %2 used, no quota</source>
        <translation>Volume %1 · %2 belegt, kein Kontingent</translation>
    </message>
    <message>
        <source>/home/container</source>
        <translation>/home/container</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>Ordnername:</translation>
    </message>
    <message>
        <source>Creating folder %1</source>
        <translation>Erstellen des Ordners %1</translation>
    </message>
    <message>
        <source>Folder %1 created.</source>
        <translation>Ordner %1 erstellt.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Renaming %1</source>
        <translation>Umbenennen von %1</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Delete %1? Folders are deleted with everything in them.</source>
        <translation>%1 löschen? Ordner werden mitsamt Inhalt gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n selected item(s)?</source>
        <translation>
            <numerusform>Den ausgewählten Eintrag löschen?</numerusform>
            <numerusform>Die %n ausgewählten Einträge löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s)…</source>
        <translation>
            <numerusform>%n Eintrag wird gelöscht…</numerusform>
            <numerusform>%n Einträge werden gelöscht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deleted.</source>
        <translation>
            <numerusform>%n Eintrag gelöscht.</numerusform>
            <numerusform>%n Einträge gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Upload files to %1</source>
        <translation>Dateien nach %1 hochladen</translation>
    </message>
    <message>
        <source>the volume root</source>
        <translation>das Volume-Stammverzeichnis</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 wird hochgeladen…</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>Hochladen von %1</translation>
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation>%1 hochgeladen.</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Herunterladen von %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 gespeichert (%2).</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message>
        <source>%1 looks like a binary file; download it instead.</source>
        <translation>%1 scheint eine Binärdatei zu sein; laden Sie sie stattdessen herunter.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Compressing into %1…</source>
        <translation>Komprimieren nach %1…</translation>
    </message>
    <message>
        <source>Compressing</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation>%1 erstellt (%2).</translation>
    </message>
    <message>
        <source>Extract archive</source>
        <translation>Archiv entpacken</translation>
    </message>
    <message>
        <source>Extract %1 into folder:</source>
        <translation>%1 entpacken in Ordner:</translation>
    </message>
    <message>
        <source>Extracting %1…</source>
        <translation>%1 wird entpackt…</translation>
    </message>
    <message>
        <source>Extracting %1</source>
        <translation>Entpacken von %1</translation>
    </message>
    <message>
        <source>Extracted %1 into %2.</source>
        <translation>%1 nach %2 entpackt.</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Neue Datei</translation>
    </message>
    <message>
        <source>Create an empty file here</source>
        <translation>Hier eine leere Datei anlegen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the file or folder under a new name</source>
        <translation>Datei oder Ordner unter neuem Namen kopieren</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Change the mode (chmod), e.g. 0644</source>
        <translation>Modus ändern (chmod), z. B. 0644</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Dateiname:</translation>
    </message>
    <message>
        <source>%1 already exists in this folder.</source>
        <translation>%1 gibt es in diesem Ordner schon.</translation>
    </message>
    <message>
        <source>Creating file %1</source>
        <translation>Anlegen der Datei %1</translation>
    </message>
    <message>
        <source>File %1 created.</source>
        <translation>Datei %1 angelegt.</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Name der Kopie:</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation>Kopieren von %1</translation>
    </message>
    <message>
        <source>Copied %1 to %2.</source>
        <translation>%1 nach %2 kopiert.</translation>
    </message>
    <message>
        <source>Mode of %1 (octal, e.g. 0644 or 0755):</source>
        <translation>Modus von %1 (oktal, z. B. 0644 oder 0755):</translation>
    </message>
    <message>
        <source>Changing the mode of %1</source>
        <translation>Ändern des Modus von %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 hat jetzt %2.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::MainWindow</name>
    <message>
        <source>lightd admin</source>
        <translation>lightd-Verwaltung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add node…</source>
        <translation>Knoten &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reconnect node</source>
        <translation>Knoten neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About lightd admin</source>
        <translation>Ü&amp;ber lightd-Verwaltung</translation>
    </message>
    <message>
        <source>About lightd admin</source>
        <translation>Über lightd-Verwaltung</translation>
    </message>
    <message>
        <source>&lt;h3&gt;lightd admin %1&lt;/h3&gt;&lt;p&gt;Manages the game and app server containers of one or more lightd nodes: state, consoles, ports, volumes, files and costs.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;lightd-Verwaltung %1&lt;/h3&gt;&lt;p&gt;Verwaltet die Game- und App-Server-Container eines oder mehrerer lightd-Knoten: Zustand, Konsolen, Ports, Volumes, Dateien und Kosten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No node</source>
        <translation>Kein Knoten</translation>
    </message>
    <message>
        <source>Add a node to get started</source>
        <translation>Fügen Sie einen Knoten hinzu, um zu beginnen</translation>
    </message>
    <message>
        <source>%1 · lightd %2</source>
        <translation>%1 · lightd %2</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>Edit node</source>
        <translation>Knoten bearbeiten</translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from this app? The node itself and its containers are not touched.</source>
        <translation>%1 aus dieser App entfernen? Der Knoten selbst und seine Container bleiben unberührt.</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <source>&amp;All nodes</source>
        <translation>&amp;Alle Knoten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
</context>
<context>
    <name>lightd::gui::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodeConnection</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connected, lightd %1</source>
        <translation>Verbunden, lightd %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Token rejected</source>
        <translation>Token abgelehnt</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>TLS problem</source>
        <translation>TLS-Problem</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1. Check the node's certificate and the URL scheme.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: %1. Prüfen Sie das Zertifikat des Knotens und das URL-Schema.</translation>
    </message>
    <message>
        <source>The node cannot be reached: %1.</source>
        <translation>Der Knoten ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>The node rejected the token (401). Edit the node and enter a valid token.</source>
        <translation>Der Knoten hat das Token abgelehnt (401). Bearbeiten Sie den Knoten und geben Sie ein gültiges Token ein.</translation>
    </message>
    <message>
        <source>The node refused the request (403): it does not speak this client's API version.</source>
        <translation>Der Knoten hat die Anfrage abgelehnt (403): Er spricht nicht die API-Version dieses Programms.</translation>
    </message>
    <message>
        <source>The token may not do this (403): %1</source>
        <translation>Das Token darf das nicht (403): %1</translation>
    </message>
    <message>
        <source>Too many requests: the node is rate limiting this client. Try again shortly.</source>
        <translation>Zu viele Anfragen: Der Knoten drosselt dieses Programm. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The node answered with HTTP %1.</source>
        <translation>Der Knoten antwortete mit HTTP %1.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodeDialog</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>e.g. Frankfurt 1</source>
        <translation>z. B. Frankfurt 1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain.</source>
        <translation>Das Token wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain is available: the token is kept in this app's settings file.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Token wird in der Einstellungsdatei dieser App aufbewahrt.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Enter the node's URL.</source>
        <translation>Geben Sie die URL des Knotens ein.</translation>
    </message>
    <message>
        <source>The URL must be http:// or https:// with a host.</source>
        <translation>Die URL muss mit http:// oder https:// beginnen und einen Host enthalten.</translation>
    </message>
    <message>
        <source>Enter the node's token (lightd --token what prints it).</source>
        <translation>Geben Sie das Token des Knotens ein (lightd --token what gibt es aus).</translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodeEvents</name>
    <message>
        <source>The install script or image pull failed.</source>
        <translation>Das Installationsskript oder der Image-Download ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Killed by the kernel: out of memory (limit reached).</source>
        <translation>Vom Kernel beendet: Speicher voll (Limit erreicht).</translation>
    </message>
    <message>
        <source>Exited with code %1.</source>
        <translation>Mit Code %1 beendet.</translation>
    </message>
    <message numerus="yes">
        <source>Killed by the kernel: out of memory; up again for %n s.</source>
        <translation><numerusform>Vom Kernel beendet: Speicher erschöpft; wieder gestartet seit %n s.</numerusform><numerusform>Vom Kernel beendet: Speicher erschöpft; wieder gestartet seit %n s.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exited with code %1; up again for %n s.</source>
        <translation><numerusform>Mit Code %1 beendet; wieder gestartet seit %n s.</numerusform><numerusform>Mit Code %1 beendet; wieder gestartet seit %n s.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Up again for %n s.</source>
        <translation><numerusform>Wieder gestartet seit %n s.</numerusform><numerusform>Wieder gestartet seit %n s.</numerusform></translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodeSidebar</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Node administration</source>
        <translation>Knotenverwaltung</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>lightd::gui::NodesOverviewModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Laufen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Containers use %1</source>
        <translation>Container belegen %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s); 100 % is all of them busy</source>
        <translation><numerusform>%n CPU; 100 % heißt voll ausgelastet</numerusform><numerusform>%n CPUs; 100 % heißt alle ausgelastet</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>lightd::gui::Notifier</name>
    <message>
        <source>lightd admin</source>
        <translation>lightd admin</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
</context>
<context>
    <name>lightd::gui::Page</name>
    <message>
        <source>No node selected</source>
        <translation>Kein Knoten ausgewählt</translation>
    </message>
    <message>
        <source>Add a lightd node with its URL and token to start managing it.</source>
        <translation>Fügen Sie einen lightd-Knoten mit URL und Token hinzu, um ihn zu verwalten.</translation>
    </message>
    <message>
        <source>%1: not available on this node yet</source>
        <translation>%1: auf diesem Knoten noch nicht verfügbar</translation>
    </message>
    <message>
        <source>The daemon at %1 does not offer this feature yet. Update lightd on the node and this page lights up on its own.</source>
        <translation>Der Daemon unter %1 bietet diese Funktion noch nicht an. Aktualisieren Sie lightd auf dem Knoten, dann erscheint diese Seite von selbst.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>lightd::gui::PortsModel</name>
    <message>
        <source>In use</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>reserved by hand</source>
        <translation>manuell reserviert</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Belegt von</translation>
    </message>
</context>
<context>
    <name>lightd::gui::PortsPage</name>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>The pool of host ports containers may bind.</source>
        <translation>Der Pool der Host-Ports, die Container binden dürfen.</translation>
    </message>
    <message>
        <source>Add port</source>
        <translation>Port hinzufügen</translation>
    </message>
    <message>
        <source>Add one port to the pool</source>
        <translation>Einen Port zum Pool hinzufügen</translation>
    </message>
    <message>
        <source>Add range</source>
        <translation>Bereich hinzufügen</translation>
    </message>
    <message>
        <source>Add a range of ports in one request</source>
        <translation>Einen Portbereich in einer Anfrage hinzufügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the selected ports from the pool</source>
        <translation>Die ausgewählten Ports aus dem Pool entfernen</translation>
    </message>
    <message>
        <source>Pick free port</source>
        <translation>Freien Port wählen</translation>
    </message>
    <message>
        <source>Ask the node for a random free port</source>
        <translation>Den Knoten nach einem zufälligen freien Port fragen</translation>
    </message>
    <message>
        <source>Search ports, owners…</source>
        <translation>Ports, Besitzer suchen…</translation>
    </message>
    <message>
        <source>Port pool</source>
        <translation>Port-Pool</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n port(s)…</source>
        <translation>
            <numerusform>%n Port wird hinzugefügt…</numerusform>
            <numerusform>%n Ports werden hinzugefügt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding port %1</source>
        <translation>Hinzufügen von Port %1</translation>
    </message>
    <message>
        <source>Port %1/%2 added to the pool.</source>
        <translation>Port %1/%2 zum Pool hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n port(s)</source>
        <translation>
            <numerusform>Hinzufügen von %n Port</numerusform>
            <numerusform>Hinzufügen von %n Ports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) added to the pool.</source>
        <translation>
            <numerusform>%n Port zum Pool hinzugefügt.</numerusform>
            <numerusform>%n Ports zum Pool hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 ports added; the others were already in the pool.</source>
        <translation>%1 von %2 Ports hinzugefügt; die übrigen waren schon im Pool.</translation>
    </message>
    <message>
        <source>Remove port %1/%2 on %3 from the pool?</source>
        <translation>Port %1/%2 auf %3 aus dem Pool entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected port(s) from the pool?</source>
        <translation>
            <numerusform>Den ausgewählten Port aus dem Pool entfernen?</numerusform>
            <numerusform>Die %n ausgewählten Ports aus dem Pool entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete ports</source>
        <translation>Ports löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n port(s)…</source>
        <translation>
            <numerusform>%n Port wird gelöscht…</numerusform>
            <numerusform>%n Ports werden gelöscht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n port(s)</source>
        <translation>
            <numerusform>Löschen von %n Port</numerusform>
            <numerusform>Löschen von %n Ports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) removed from the pool.</source>
        <translation>
            <numerusform>%n Port aus dem Pool entfernt.</numerusform>
            <numerusform>%n Ports aus dem Pool entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Picking a free port</source>
        <translation>Wählen eines freien Ports</translation>
    </message>
    <message>
        <source>Free port: %1:%2/%3</source>
        <translation>Freier Port: %1:%2/%3</translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) in the pool, %1 in use, %2 free.</source>
        <translation>
            <numerusform>%n Port im Pool, %1 belegt, %2 frei.</numerusform>
            <numerusform>%n Ports im Pool, %1 belegt, %2 frei.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightd::gui::RebindDialog</name>
    <message>
        <source>Change ports</source>
        <translation>Ports ändern</translation>
    </message>
    <message>
        <source>Tick the pool ports this container binds. The node checks them first, then frees the old ports and recreates the container with the new ones; a running container restarts.</source>
        <translation>Haken Sie die Pool-Ports an, die dieser Container bindet. Der Knoten prüft sie zuerst, gibt dann die alten Ports frei und erstellt den Container mit den neuen neu; ein laufender Container startet neu.</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>Host-Port</translation>
    </message>
    <message>
        <source>Inside the container</source>
        <translation>Im Container</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Rebind</source>
        <translation>Neu binden</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>gebunden</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>The pool has no free port. Add ports on the Ports page first.</source>
        <translation>Der Pool hat keinen freien Port. Fügen Sie zuerst auf der Seite „Ports“ welche hinzu.</translation>
    </message>
    <message>
        <source>No port ticked: the container will have no published port.</source>
        <translation>Kein Port angehakt: Der Container hat dann keinen veröffentlichten Port.</translation>
    </message>
    <message numerus="yes">
        <source>%n port(s) will be bound.</source>
        <translation>
            <numerusform>%n Port wird gebunden.</numerusform>
            <numerusform>%n Ports werden gebunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lightd::gui::ReinstallDialog</name>
    <message>
        <source>Replace the install script</source>
        <translation>Installationsskript ersetzen</translation>
    </message>
    <message>
        <source>Reinstall %1</source>
        <translation>%1 neu installieren</translation>
    </message>
    <message>
        <source>The Docker container is removed and created again, and the install script runs once more. Files in the volume are kept. A running container is stopped and stays stopped until you start it again.</source>
        <translation>Der Docker-Container wird entfernt und neu erstellt, und das Installationsskript läuft noch einmal. Die Dateien im Volume bleiben erhalten. Ein laufender Container wird gestoppt und bleibt gestoppt, bis Sie ihn wieder starten.</translation>
    </message>
    <message>
        <source>Docker image</source>
        <translation>Docker-Image</translation>
    </message>
    <message>
        <source>#!/bin/sh
# runs in the volume before the container is created</source>
        <translation>#!/bin/sh
# läuft im Volume, bevor der Container erstellt wird</translation>
    </message>
    <message>
        <source>Left unticked, the node runs the install script it already has.</source>
        <translation>Ohne Haken führt der Knoten das Installationsskript aus, das er bereits hat.</translation>
    </message>
    <message>
        <source>Reinstall</source>
        <translation>Neu installieren</translation>
    </message>
    <message>
        <source>Enter the Docker image.</source>
        <translation>Geben Sie das Docker-Image ein.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::ResourcesDialog</name>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>No quota</source>
        <translation>Kein Kontingent</translation>
    </message>
    <message>
        <source>Edit resources</source>
        <translation>Ressourcen bearbeiten</translation>
    </message>
    <message>
        <source>Changes apply at once, without a restart. Only the fields you change are sent.</source>
        <translation>Änderungen gelten sofort, ohne Neustart. Nur die Felder, die Sie ändern, werden gesendet.</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Hard limit, 4 MiB to 1 TiB.</source>
        <translation>Hartes Limit, 4 MiB bis 1 TiB.</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Memory plus swap; at least the limit, or unlimited.</source>
        <translation>Arbeitsspeicher plus Swap; mindestens das Limit, oder unbegrenzt.</translation>
    </message>
    <message>
        <source>Memory + swap</source>
        <translation>Speicher + Swap</translation>
    </message>
    <message>
        <source>Soft limit the engine reclaims towards under memory pressure.</source>
        <translation>Weiches Limit, auf das die Engine bei Speicherknappheit zurückfordert.</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source> cores</source>
        <translation> Kerne</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Relative weight against other containers, 2 to 262144 (the engine's default is 1024).</source>
        <translation>Relatives Gewicht gegenüber anderen Containern, 2 bis 262144 (Standard der Engine: 1024).</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Anteile</translation>
    </message>
    <message>
        <source>all CPUs, or e.g. 0-1 or 0,2</source>
        <translation>alle CPUs, oder z. B. 0-1 oder 0,2</translation>
    </message>
    <message>
        <source>Pinned CPUs</source>
        <translation>Feste CPUs</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>The quota of the container's volume; every container on that volume shares it.</source>
        <translation>Das Kontingent des Container-Volumes; alle Container auf diesem Volume teilen es sich.</translation>
    </message>
    <message>
        <source>Volume quota</source>
        <translation>Volume-Kontingent</translation>
    </message>
    <message>
        <source>Relative block I/O weight, 10 to 1000.</source>
        <translation>Relatives Block-E/A-Gewicht, 10 bis 1000.</translation>
    </message>
    <message>
        <source>I/O weight</source>
        <translation>E/A-Gewicht</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>The memory limit must be between 4 MiB and 1 TiB; the node cannot lift it while the container exists.</source>
        <translation>Das Speicherlimit muss zwischen 4 MiB und 1 TiB liegen; der Knoten kann es nicht aufheben, solange der Container existiert.</translation>
    </message>
    <message>
        <source>Memory + swap must be at least the memory limit, or unlimited.</source>
        <translation>Speicher + Swap muss mindestens das Speicherlimit betragen oder unbegrenzt sein.</translation>
    </message>
    <message>
        <source>CPU cores must be at least 0.01; the node cannot lift the limit live.</source>
        <translation>CPU-Kerne müssen mindestens 0,01 betragen; der Knoten kann das Limit im laufenden Betrieb nicht aufheben.</translation>
    </message>
    <message>
        <source>CPU shares must be between 2 and 262144.</source>
        <translation>CPU-Anteile müssen zwischen 2 und 262144 liegen.</translation>
    </message>
    <message>
        <source>The I/O weight must be between 10 and 1000.</source>
        <translation>Das E/A-Gewicht muss zwischen 10 und 1000 liegen.</translation>
    </message>
    <message>
        <source>Pinned CPUs must be a list such as 0-1 or 0,2.</source>
        <translation>Feste CPUs müssen eine Liste wie 0-1 oder 0,2 sein.</translation>
    </message>
    <message>
        <source>A volume quota cannot be removed here; set a size of at least 1 MiB.</source>
        <translation>Ein Volume-Kontingent kann hier nicht entfernt werden; setzen Sie eine Größe von mindestens 1 MiB.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::RestContainerFeed</name>
    <message>
        <source>Sending the command</source>
        <translation>Senden des Befehls</translation>
    </message>
    <message>
        <source>The %1 action</source>
        <translation>Die Aktion %1</translation>
    </message>
</context>
<context>
    <name>lightd::gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Node tokens are stored in the system keychain.</source>
        <translation>Knoten-Tokens werden im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Node tokens are stored in %1 (no keychain available).</source>
        <translation>Knoten-Tokens werden in %1 gespeichert (kein Schlüsselbund verfügbar).</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>A new language applies at once; the window is rebuilt on the same page.</source>
        <translation>Eine neue Sprache gilt sofort; das Fenster wird auf derselben Seite neu aufgebaut.</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
</context>
<context>
    <name>lightd::gui::SftpKeysModel</name>
    <message>
        <source>(no comment)</source>
        <translation>(kein Kommentar)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
</context>
<context>
    <name>lightd::gui::SftpPanel</name>
    <message>
        <source>SFTP access</source>
        <translation>SFTP-Zugang</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>Generate password</source>
        <translation>Passwort erzeugen</translation>
    </message>
    <message>
        <source>Add key from file…</source>
        <translation>Schlüssel aus Datei…</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Sets a new random password, shown once; the old one and its open sessions end</source>
        <translation>Setzt ein neues Zufallspasswort, das einmal angezeigt wird; das alte und seine offenen Sitzungen enden</translation>
    </message>
    <message>
        <source>Public keys</source>
        <translation>Öffentliche Schlüssel</translation>
    </message>
    <message>
        <source>Asking the node…</source>
        <translation>Frage den Node…</translation>
    </message>
    <message>
        <source>Log in with any SFTP client; / is the container's volume. Passwords are shown only when generated.</source>
        <translation>Anmeldung mit jedem SFTP-Client; / ist das Volume des Containers. Passwörter werden nur beim Erzeugen angezeigt.</translation>
    </message>
    <message>
        <source>No SFTP login for this container yet: generate a password or add a public key.</source>
        <translation>Noch kein SFTP-Login für diesen Container: Passwort erzeugen oder einen öffentlichen Schlüssel hinzufügen.</translation>
    </message>
    <message>
        <source>SFTP is not available on this node. Its files can be managed with Browse files.</source>
        <translation>SFTP ist auf diesem Node nicht verfügbar. Die Dateien lassen sich mit „Dateien durchsuchen“ verwalten.</translation>
    </message>
    <message>
        <source>The SFTP details could not be loaded: %1</source>
        <translation>Die SFTP-Angaben konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The keys could not be loaded: %1</source>
        <translation>Die Schlüssel konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No password was set: %1</source>
        <translation>Es wurde kein Passwort gesetzt: %1</translation>
    </message>
    <message>
        <source>Add a public key</source>
        <translation>Öffentlichen Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Öffentliche Schlüssel (*.pub);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 could not be read as a public key file.</source>
        <translation>%1 konnte nicht als öffentliche Schlüsseldatei gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is a private key. Choose the matching .pub file.</source>
        <translation>%1 ist ein privater Schlüssel. Wählen Sie die passende .pub-Datei.</translation>
    </message>
    <message>
        <source>The key was not added: %1</source>
        <translation>Der Schlüssel wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>A key was not removed: %1</source>
        <translation>Ein Schlüssel wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>lightd::gui::SftpPasswordDialog</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>New SFTP password</source>
        <translation>Neues SFTP-Passwort</translation>
    </message>
    <message>
        <source>The password for &lt;b&gt;%1&lt;/b&gt;. Copy it now: it is not shown again, and the previous password no longer works.</source>
        <translation>Das Passwort für &lt;b&gt;%1&lt;/b&gt;. Jetzt kopieren: Es wird nicht noch einmal angezeigt, und das bisherige Passwort gilt nicht mehr.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>lightd::gui::StartupDialog</name>
    <message>
        <source>Startup of %1</source>
        <translation>Starteinstellungen von %1</translation>
    </message>
    <message>
        <source>The command runs with /bin/sh in /home/container, the volume. Changes apply the next time the container starts; a running server is not restarted.</source>
        <translation>Der Befehl läuft mit /bin/sh in /home/container, dem Volume. Änderungen gelten ab dem nächsten Start des Containers; ein laufender Server wird nicht neu gestartet.</translation>
    </message>
    <message>
        <source>e.g. java -Xmx2G -jar server.jar nogui</source>
        <translation>z. B. java -Xmx2G -jar server.jar nogui</translation>
    </message>
    <message>
        <source>Startup command</source>
        <translation>Startbefehl</translation>
    </message>
    <message>
        <source>none: running as soon as it starts</source>
        <translation>keins: läuft sofort nach dem Start</translation>
    </message>
    <message>
        <source>A regular expression. The container counts as running once a console line matches it.</source>
        <translation>Ein regulärer Ausdruck. Der Container gilt als laufend, sobald eine Konsolenzeile darauf passt.</translation>
    </message>
    <message>
        <source>Start pattern</source>
        <translation>Startmuster</translation>
    </message>
    <message>
        <source>Try the pattern</source>
        <translation>Muster ausprobieren</translation>
    </message>
    <message>
        <source>Paste a line of the server's console</source>
        <translation>Eine Zeile aus der Konsole des Servers einfügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Without a pattern the container counts as running as soon as it starts.</source>
        <translation>Ohne Muster gilt der Container als laufend, sobald er gestartet ist.</translation>
    </message>
    <message>
        <source>Fix the pattern to try it.</source>
        <translation>Korrigieren Sie das Muster, um es auszuprobieren.</translation>
    </message>
    <message>
        <source>The pattern may match anywhere in a line; colour codes are ignored.</source>
        <translation>Das Muster darf irgendwo in der Zeile passen; Farbcodes werden ignoriert.</translation>
    </message>
    <message>
        <source>✓ Matches: this line marks the container as running.</source>
        <translation>✓ Passt: Diese Zeile meldet den Container als laufend.</translation>
    </message>
    <message>
        <source>✗ No match: the container would still be starting after this line.</source>
        <translation>✗ Passt nicht: Nach dieser Zeile würde der Container noch starten.</translation>
    </message>
</context>
<context>
    <name>lightd::gui::State</name>
    <message>
        <source>Installing</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stoppt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>lightd::gui::StatsView</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>↓ %1/s  ↑ %2/s</source>
        <translation>↓ %1/s  ↑ %2/s</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
</context>
<context>
    <name>lightd::gui::TextEditorDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Discard your changes to %1?</source>
        <translation>Ihre Änderungen an %1 verwerfen?</translation>
    </message>
    <message>
        <source>Find in file</source>
        <translation>In Datei suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>lightd::gui::TokensModel</name>
    <message>
        <source>Full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>All consoles</source>
        <translation>Alle Konsolen</translation>
    </message>
    <message>
        <source>Console of %1</source>
        <translation>Konsole von %1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>Until it expires</source>
        <translation>Bis zum Ablauf</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>lightd::gui::TokensPage</name>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Scoped, expiring tokens for panels, scripts and shared consoles.</source>
        <translation>Beschränkte, ablaufende Tokens für Panels, Skripte und geteilte Konsolen.</translation>
    </message>
    <message>
        <source>New token — copy it now, it is not shown again:</source>
        <translation>Neues Token – kopieren Sie es jetzt, es wird nicht wieder angezeigt:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No scoped tokens</source>
        <translation>Keine beschränkten Tokens</translation>
    </message>
    <message>
        <source>Give a panel, a script or a player's console its own token: limited to what it needs, expiring on its own, revocable at any time.</source>
        <translation>Geben Sie einem Panel, einem Skript oder der Konsole eines Spielers ein eigenes Token: beschränkt auf das Nötige, von selbst ablaufend, jederzeit widerrufbar.</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>Create a scoped, expiring token</source>
        <translation>Ein beschränktes, ablaufendes Token erstellen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected tokens</source>
        <translation>Die ausgewählten Tokens widerrufen</translation>
    </message>
    <message>
        <source>Tokens need the master token</source>
        <translation>Tokens erfordern das Master-Token</translation>
    </message>
    <message>
        <source>This node was added with a scoped token, and only the node's master token may list, create or revoke tokens. The node said: “%1” (HTTP 403). Edit the node and enter the master token to manage tokens here.</source>
        <translation>Dieser Knoten wurde mit einem beschränkten Token hinzugefügt, und nur das Master-Token des Knotens darf Tokens auflisten, erstellen oder widerrufen. Der Knoten meldete: „%1“ (HTTP 403). Bearbeiten Sie den Knoten und geben Sie das Master-Token ein, um Tokens hier zu verwalten.</translation>
    </message>
    <message>
        <source>Only the master token manages tokens.</source>
        <translation>Nur das Master-Token verwaltet Tokens.</translation>
    </message>
    <message numerus="yes">
        <source>%n scoped token(s).</source>
        <translation>
            <numerusform>%n beschränktes Token.</numerusform>
            <numerusform>%n beschränkte Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the token</source>
        <translation>Erstellen des Tokens</translation>
    </message>
    <message>
        <source>Revoke tokens</source>
        <translation>Tokens widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s)? Clients using them are refused from now on.</source>
        <translation>
            <numerusform>%n Token widerrufen? Clients, die es verwenden, werden ab sofort abgewiesen.</numerusform>
            <numerusform>%n Tokens widerrufen? Clients, die sie verwenden, werden ab sofort abgewiesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoking the token</source>
        <translation>Widerrufen des Tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) revoked.</source>
        <translation>
            <numerusform>%n Token widerrufen.</numerusform>
            <numerusform>%n Tokens widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>Name…</translation>
    </message>
    <message>
        <source>Name the selected token in this app</source>
        <translation>Das gewählte Token in dieser App benennen</translation>
    </message>
    <message>
        <source>Name token</source>
        <translation>Token benennen</translation>
    </message>
    <message>
        <source>Name for token %1 (empty: none):</source>
        <translation>Name für Token %1 (leer: keiner):</translation>
    </message>
</context>
<context>
    <name>lightd::gui::UsageModel</name>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>Speicher (GB)</translation>
    </message>
    <message>
        <source>CPU (vCPU)</source>
        <translation>CPU (vCPU)</translation>
    </message>
    <message>
        <source>Storage (GB)</source>
        <translation>Speicherplatz (GB)</translation>
    </message>
    <message>
        <source>Egress (GB)</source>
        <translation>Traffic (GB)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>lightd::gui::VolumesModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Belegung</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Host path</source>
        <translation>Host-Pfad</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Unbenutzt</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Benutzt von</translation>
    </message>
</context>
<context>
    <name>lightd::gui::VolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Persistent data directories, mounted at /home/container.</source>
        <translation>Dauerhafte Datenverzeichnisse, eingehängt unter /home/container.</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>Create a volume, optionally with a quota</source>
        <translation>Ein Volume erstellen, optional mit Kontingent</translation>
    </message>
    <message>
        <source>Browse files</source>
        <translation>Dateien durchsuchen</translation>
    </message>
    <message>
        <source>Open the selected volume's files</source>
        <translation>Die Dateien des ausgewählten Volumes öffnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected volume and its data</source>
        <translation>Das ausgewählte Volume samt Daten löschen</translation>
    </message>
    <message>
        <source>Search volumes…</source>
        <translation>Volumes suchen…</translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s), %1 used in all. Volumes are mounted at /home/container.</source>
        <translation>
            <numerusform>%n Volume, insgesamt %1 belegt. Volumes werden unter /home/container eingehängt.</numerusform>
            <numerusform>%n Volumes, insgesamt %1 belegt. Volumes werden unter /home/container eingehängt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the volume</source>
        <translation>Erstellen des Volumes</translation>
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation>Volume %1 erstellt.</translation>
    </message>
    <message>
        <source>Delete volume</source>
        <translation>Volume löschen</translation>
    </message>
    <message>
        <source>Delete volume %1 and every file in it? This cannot be undone.</source>
        <translation>Volume %1 mit allen Dateien löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleting volume %1</source>
        <translation>Löschen von Volume %1</translation>
    </message>
    <message>
        <source>Volume deleted.</source>
        <translation>Volume gelöscht.</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>Name…</translation>
    </message>
    <message>
        <source>Give the volume a name this app shows instead of its id</source>
        <translation>Dem Volume einen Namen geben, den diese App statt seiner ID zeigt</translation>
    </message>
    <message>
        <source>Name volume</source>
        <translation>Volume benennen</translation>
    </message>
    <message>
        <source>Name for %1 (empty: show the id):</source>
        <translation>Name für %1 (leer: die ID zeigen):</translation>
    </message>
</context>
<context>
    <name>lightd::gui::WebSocketContainerFeed</name>
    <message>
        <source>closed with code %1</source>
        <translation>mit Code %1 geschlossen</translation>
    </message>
    <message>
        <source>Live console reconnected.</source>
        <translation>Live-Konsole wieder verbunden.</translation>
    </message>
    <message>
        <source>Live console connection lost (%1); reconnecting…</source>
        <translation>Verbindung zur Live-Konsole verloren (%1); verbinde erneut…</translation>
    </message>
    <message>
        <source>The live console cannot be opened (%1); retrying…</source>
        <translation>Die Live-Konsole lässt sich nicht öffnen (%1); neuer Versuch…</translation>
    </message>
    <message>
        <source>The node refused the live console (HTTP %1); showing the console by polling every 2 s instead.</source>
        <translation>Der Knoten hat die Live-Konsole abgelehnt (HTTP %1); die Konsole wird stattdessen alle 2 s abgefragt.</translation>
    </message>
    <message>
        <source>The container no longer exists on the node.</source>
        <translation>Der Container existiert auf dem Knoten nicht mehr.</translation>
    </message>
    <message>
        <source>A console request</source>
        <translation>Eine Konsolenanfrage</translation>
    </message>
    <message>
        <source>Sending the command</source>
        <translation>Senden des Befehls</translation>
    </message>
    <message>
        <source>The %1 action</source>
        <translation>Die Aktion %1</translation>
    </message>
</context>
<context>
    <name>lightd::gui::format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop administration for lightd nodes.</source>
        <translation>Desktop-Verwaltung für lightd-Knoten.</translation>
    </message>
    <message>
        <source>Connect to the node at &lt;url&gt; for this session.</source>
        <translation>Für diese Sitzung mit dem Knoten unter &lt;url&gt; verbinden.</translation>
    </message>
    <message>
        <source>Token for --connect (default: $LIGHTD_TOKEN).</source>
        <translation>Token für --connect (Standard: $LIGHTD_TOKEN).</translation>
    </message>
    <message>
        <source>Display name for --connect.</source>
        <translation>Anzeigename für --connect.</translation>
    </message>
    <message>
        <source>Save a screenshot of every page into &lt;dir&gt; and quit.</source>
        <translation>Von jeder Seite ein Bildschirmfoto in &lt;dir&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>Which screenshots to save: all (default) or empty, for a node without containers.</source>
        <translation>Welche Bildschirmfotos gespeichert werden: all (Standard) oder empty, für einen Knoten ohne Container.</translation>
    </message>
    <message>
        <source>UI language, e.g. de or en (default: $LIGHTD_GUI_LANG, then the Settings choice).</source>
        <translation>Sprache der Oberfläche, z. B. de oder en (Standard: $LIGHTD_GUI_LANG, dann die Einstellung).</translation>
    </message>
    <message>
        <source>Colour theme for this session: system, light or dark.</source>
        <translation>Farbschema für diese Sitzung: system, light oder dark.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1024x700.</source>
        <translation>Fenstergröße, z. B. 1024x700.</translation>
    </message>
</context>
</TS>