/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.cli.web.WebServerOutput;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.ReadingFields;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.output.FieldList;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutput;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;
import org.openhab.binding.p1meter.internal.output.mqtt.Smartmeter2mqttEntities;
import org.openhab.binding.p1meter.internal.output.tcp.JsonTcpServer;
import org.openhab.binding.p1meter.internal.output.tcp.RawTcpServer;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookConfig;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookPoster;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookSettings;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.DirectListener;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.ReaderStats;
import org.openhab.binding.p1meter.internal.reader.SimulatedMeter;
import org.openhab.binding.p1meter.internal.reader.TcpSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: one source, one {@link P1Reader}, the outputs the options ask for.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class Daemon {

    private final Logger logger = LoggerFactory.getLogger(Daemon.class);

    private final DaemonOptions options;
    private final P1Reader reader;
    private final List<P1Output> outputs;
    /** The option that asked for each output, to name it when it cannot start. */
    private final Map<P1Output, String> optionOf = new LinkedHashMap<>();
    private boolean readerStarted;
    private boolean stopped;

    /**
     * Checks the options and builds everything without opening anything yet.
     *
     * @throws UsageError when the options do not make sense
     */
    Daemon(DaemonOptions options) {
        this.options = options;
        DecoderConfig decoder = Main.decoderConfig(options.encKey, options.encAad).withMBus(options.mbus.selection());
        P1Source source = createSource(options);
        ReaderOptions readerOptions = ReaderOptions.defaults();
        if (options.receiveTimeout < 0) {
            throw new UsageError("--receive-timeout must not be negative");
        }
        ConsumerLimits limits = consumerLimits(options);
        readerOptions = readerOptions.withReceiveTimeout(Duration.ofSeconds(options.receiveTimeout))
                .withConsumerLimits(limits);
        this.reader = new P1Reader(source, decoder, readerOptions);
        this.outputs = createOutputs(options, limits);
    }

    private static P1Source createSource(DaemonOptions o) {
        int sources = (o.port != null ? 1 : 0) + (o.socket != null ? 1 : 0) + (o.simulate ? 1 : 0);
        if (sources != 1) {
            throw new UsageError(sources == 0 ? "no source: give one of --port DEVICE, --socket HOST:PORT or --simulate"
                    : "more than one source: give only one of --port, --socket and --simulate");
        }
        String port = o.port;
        if (port != null) {
            if (port.isBlank()) {
                throw new UsageError("--port needs a serial device, e.g. /dev/ttyUSB0");
            }
            return new SerialSource(port);
        }
        String socket = o.socket;
        if (socket != null) {
            TcpSource tcp;
            try {
                tcp = TcpSource.parse(socket);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--socket: " + e.getMessage());
            }
            // the host is looked up at every connect, not here: a name that does not resolve yet (DNS not up at
            // boot, a dongle not yet on the network) is retried with backoff like a refused connection
            return tcp;
        }
        if (o.simulateSpeed < 1) {
            throw new UsageError("--simulate-speed must be at least 1");
        }
        return new SimulatedMeter(Instant.now(), Duration.ofSeconds(1), Duration.ofSeconds(o.simulateSpeed),
                System.nanoTime());
    }

    // ======================================================================================================
    // OUTPUTS: every output the options ask for is created here. The MQTT and web dashboard outputs plug in
    // at the two marked lines below.
    // ======================================================================================================
    static ConsumerLimits consumerLimits(DaemonOptions o) {
        if (o.clientTimeout < 1) {
            throw new UsageError("--client-timeout must be at least 1 second, got " + o.clientTimeout);
        }
        if (o.clientBacklogLimit < 1 || o.clientBacklogLimit > 1024) {
            throw new UsageError("--client-backlog-limit must be 1-1024 MB, got " + o.clientBacklogLimit);
        }
        return new ConsumerLimits(Duration.ofSeconds(o.clientTimeout), o.clientBacklogLimit * 1024 * 1024);
    }

    private List<P1Output> createOutputs(DaemonOptions o, ConsumerLimits limits) {
        List<P1Output> list = new ArrayList<>();
        if (o.maxClients < 1) {
            throw new UsageError("--max-clients must be at least 1");
        }
        Map<Integer, String> ports = new LinkedHashMap<>();
        Integer tcp = o.tcpServer;
        if (tcp != null) {
            add(list, "--tcp-server",
                    new JsonTcpServer(o.bind, claimPort(ports, "--tcp-server", tcp), o.maxClients, limits));
        }
        Integer raw = o.rawTcpServer;
        if (raw != null) {
            add(list, "--raw-tcp-server",
                    new RawTcpServer(o.bind, claimPort(ports, "--raw-tcp-server", raw), o.maxClients, limits));
        }
        String postUrl = o.postUrl;
        if (postUrl != null) {
            add(list, "--post-url", new WebhookPoster(webhookConfig(o, postUrl)));
        }
        String mqttUrl = o.mqttUrl;
        if (mqttUrl != null) {
            add(list, "--mqtt-url", new MqttOutput(mqttConfig(o, mqttUrl)));
        }
        Integer web = o.webServer;
        if (web != null) {
            add(list, "--web-server", new WebServerOutput(o.bind, claimPort(ports, "--web-server", web), limits));
        }
        checkBindAddress(o.bind);
        return list;
    }

    private void add(List<P1Output> list, String option, P1Output output) {
        list.add(output);
        optionOf.put(output, option);
    }

    /** A valid port that no other option asked for (0, any free port, may be asked for by several). */
    private static int claimPort(Map<Integer, String> ports, String option, int port) {
        checkPort(option, port);
        String other = port == 0 ? null : ports.putIfAbsent(port, option);
        if (other != null) {
            throw new UsageError(other + " and " + option + " both ask for port " + port + ": give each its own port");
        }
        return port;
    }

    static MqttOutputConfig mqttConfig(DaemonOptions o, String url) {
        // checked only when used: a compose file may carry the default list of an option it does not switch on
        String distinctFields = o.mqttDistinctFields;
        if (o.mqttDistinct) {
            distinctFields = String.join(",",
                    checkFields("--mqtt-distinct-fields", o.mqttDistinctFields, ReadingFields.topLevel()));
        }
        MqttOutputConfig config;
        try {
            config = MqttOutputConfig.of(url, o.mqttUser, o.mqttPassword, o.mqttClientId, o.mqttTopic, o.mqttQos,
                    o.mqttRetain, o.mqttDistinct, distinctFields, o.mqttDiscovery, o.mqttDiscoveryPrefix);
        } catch (IllegalArgumentException e) {
            throw new UsageError(String.valueOf(e.getMessage()));
        }
        return withPublishing(config, o);
    }

    /** {@code --mqtt-interval}, {@code --mqtt-usage-immediate}, {@code --mqtt-discovery-smartmeter2mqtt}. */
    private static MqttOutputConfig withPublishing(MqttOutputConfig config, DaemonOptions o) {
        if (o.mqttInterval < 0) {
            throw new UsageError(
                    "--mqtt-interval must be 0 (every telegram) or a number of seconds, got " + o.mqttInterval);
        }
        Smartmeter2mqttEntities entities;
        try {
            entities = Smartmeter2mqttEntities.parse(o.mqttDiscoverySmartmeter2mqtt);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--mqtt-discovery-smartmeter2mqtt: " + e.getMessage());
        }
        if (entities == Smartmeter2mqttEntities.ADOPT && !o.mqttDiscovery) {
            throw new UsageError("--mqtt-discovery-smartmeter2mqtt adopt announces sensors: it needs --mqtt-discovery");
        }
        return config.withInterval(Duration.ofSeconds(o.mqttInterval), o.mqttUsageImmediate)
                .withSmartmeter2mqttEntities(entities);
    }

    /** The {@code --post-*} options' names, for the messages of the function the openHAB service shares. */
    private static final WebhookSettings.Names POST_OPTIONS = new WebhookSettings.Names("--post-url", "--post-interval",
            "--post-fields", "--post-header", "--post-timeout");

    private static WebhookConfig webhookConfig(DaemonOptions o, String url) {
        try {
            return new WebhookSettings(url, o.postInterval, o.postJson, o.postFields, o.postHeaders, o.postTimeout)
                    .toConfig(POST_OPTIONS);
        } catch (IllegalArgumentException e) {
            throw new UsageError(String.valueOf(e.getMessage()));
        }
    }

    /** The fields of a comma list, empty for {@code all} or {@code *}; an unknown one is refused, naming the rest. */
    private static List<String> checkFields(String option, @Nullable String list, List<String> valid) {
        try {
            return FieldList.parse(list, valid);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    private static int checkPort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new UsageError(option + " must be a TCP port 1-65535 (0: any free port), got " + port);
        }
        return port;
    }

    private static void checkBindAddress(String bind) {
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageError("--bind: unknown address " + bind);
        }
        if (!NetworkFailure.isLocal(bind)) {
            throw new UsageError("--bind " + bind + ": not an address of this machine, so nothing can listen on it "
                    + "(its addresses: " + String.join(", ", localAddresses()) + "; 0.0.0.0 listens on all)");
        }
    }

    private static List<String> localAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (!a.isLinkLocalAddress()) { // fe80::... cannot be listened on without its interface
                            addresses.add(a.getHostAddress());
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // the list only helps; the message stands without it
        }
        return addresses;
    }

    /**
     * Starts the outputs (so none misses the first telegram), then the reader.
     *
     * @throws UsageError when an output cannot start (port in use)
     */
    void start() {
        reader.addListener(new StatusLog());
        for (P1Output output : outputs) {
            try {
                output.start(reader);
                logger.info("Started {}", output.describe());
            } catch (IOException e) {
                stop(); // closes what started; says nothing, since nothing was read
                throw new UsageError(optionOf.getOrDefault(output, output.describe()) + ": " + e.getMessage());
            }
        }
        if (outputs.isEmpty()) {
            logger.warn("No output enabled: give --tcp-server, --raw-tcp-server, --post-url, --mqtt-url or "
                    + "--web-server (see --help)");
        }
        readerStarted = true;
        reader.start();
        logger.info("Reading {}", reader.source().describe());
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (P1Output output : outputs) {
            try {
                output.close();
            } catch (RuntimeException e) {
                logger.warn("Closing {} failed: {}", output.describe(), e.toString());
            }
        }
        reader.stop();
        if (!readerStarted) {
            return;
        }
        ReaderStats s = reader.stats();
        // a queued listener (webhook, status log) skips its oldest events only past the backlog limit; the TCP
        // servers and web sockets drop a client that stops reading, and log it
        logger.info(
                "Stopped after {} telegrams, {} rejected, {} events skipped by listeners past their backlog "
                        + "limit; waited {} ms for consumers that were behind{}",
                s.telegrams(), s.rejectedTotal(), s.droppedEvents(), reader.pacingTime().toMillis(), mqttSkipped());
    }

    /** The readings MQTT never published (the broker was away, given up on or past the bound), for the stop line. */
    private String mqttSkipped() {
        StringBuilder b = new StringBuilder();
        for (P1Output output : outputs) {
            if (output instanceof MqttOutput mqtt) {
                b.append("; ").append(mqtt.skippedReadings())
                        .append(" readings not published to MQTT (broker away or behind)");
            }
        }
        return b.toString();
    }

    List<P1Output> outputs() {
        return outputs;
    }

    /**
     * Tells the user what the reader is doing. Called on the reader's thread: counting and an occasional log line
     * cost less than handing every event to a thread of its own.
     */
    private final class StatusLog implements DirectListener {
        private long count;

        @Override
        public void onTelegram(P1Telegram telegram) {
            count++;
            if (count == 1) {
                logger.info("First telegram received: {}", telegram.header());
            }
            logger.debug("Telegram {}: {}", count, telegram);
        }

        @Override
        public void onRejected(Rejection rejection) {
            logger.warn("Rejected a telegram: {}", rejection.message());
        }

        @Override
        public void onConnectionState(ConnectionState state, String message) {
            switch (state) {
                case CONNECTED -> logger.info("Connected: {}", message);
                case CONNECTING -> logger.debug("Connecting: {}", message);
                default -> logger.debug("{}: {}", state, message);
            }
        }
    }
}
