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
package org.openhab.binding.p1meter.internal.output.mqtt;

import static org.assertj.core.api.Assertions.*;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;

/**
 * {@code mqtts://} with credentials from the URL against a Moquette broker with TLS and a login: the handshake,
 * the host name check against the certificate and the login all happen for real. The broker's certificate is
 * self-signed, so the test hands the output a socket factory that trusts it (a user would add it to the Java
 * trust store).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class MqttTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void publishesOverTlsWithTheUrlsCredentialsAndRetriesAWrongPassword(@TempDir Path dir) throws Exception {
        Path jks = dir.resolve("broker.jks");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", jks.toString(), "-storetype", "JKS",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        int plainPort = freePort();
        int tlsPort = freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(plainPort));
        p.setProperty("ssl_port", Integer.toString(tlsPort));
        p.setProperty("ssl_provider", "JDK");
        p.setProperty("jks_path", jks.toString());
        p.setProperty("key_store_type", "jks");
        p.setProperty("key_store_password", "changeit");
        p.setProperty("key_manager_password", "changeit");
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        List<String> logins = new CopyOnWriteArrayList<>();
        IAuthenticator authenticator = (clientId, username, password) -> {
            String pass = password == null ? "" : new String(password, StandardCharsets.UTF_8);
            logins.add(clientId + " " + username + " " + pass);
            return ("jan".equals(username) && "geheim wachtwoord".equals(pass))
                    || ("probe".equals(username) && "probe".equals(pass));
        };
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p), null, null, authenticator, null);

        KeyStore trusted = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(jks)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        @Nullable
        MqttOutput wrong = null;
        @Nullable
        MqttOutput right = null;
        try (ProbeWithLogin probe = new ProbeWithLogin(plainPort)) {
            ManualFeed feed = new ManualFeed();
            // a wrong password: refused, the output keeps trying and the feed is not held up
            wrong = new MqttOutput(MqttOutputConfig.of("mqtts://jan:fout@127.0.0.1:" + tlsPort, null, null,
                    "p1-tls-wrong", "tls", 1, true, false, null, false, null), TelegramJsonOf.INSTANCE,
                    ssl.getSocketFactory(), 100, 200);
            wrong.start(feed);
            Await.until(WAIT, () -> logins.stream().filter(l -> l.startsWith("p1-tls-wrong ")).count() >= 2,
                    () -> "two logins of p1-tls-wrong, got " + logins);
            assertThat(logins).contains("p1-tls-wrong jan fout");
            assertThat(logins.stream().filter(l -> l.startsWith("p1-tls-wrong ")).count()).as("retried")
                    .isGreaterThanOrEqualTo(2);
            assertThat(wrong.isConnected()).isFalse();
            wrong.close();
            wrong = null;

            // the right one, percent-encoded in the URL
            right = new MqttOutput(
                    MqttOutputConfig.of("mqtts://jan:geheim%20wachtwoord@127.0.0.1:" + tlsPort, null, null, "p1-tls",
                            "tls", 1, true, false, null, false, null),
                    TelegramJsonOf.INSTANCE, ssl.getSocketFactory(), 100, 200);
            right.start(feed);
            assertThat(probe.probe.await("tls/connected", WAIT).payload()).isEqualTo("2");
            feed.publish(TestReadings.kaifa());
            assertThat(probe.probe.await("tls/status/energy", WAIT).payload())
                    .isEqualTo(TestReadings.json(TestReadings.kaifa()));
            assertThat(logins).contains("p1-tls jan geheim wachtwoord");
        } finally {
            if (wrong != null) {
                wrong.close();
            }
            if (right != null) {
                right.close();
            }
            broker.stopServer();
        }
    }

    /** The probe logs in too: the broker refuses anonymous clients. */
    private static final class ProbeWithLogin implements AutoCloseable {
        final MqttProbe probe;

        ProbeWithLogin(int port) throws Exception {
            probe = MqttProbe.withLogin(port, "probe", "probe", "tls/#");
        }

        @Override
        public void close() {
            probe.close();
        }
    }
}
