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

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Paho client embedded in the built add-on jar works on its own: loaded from that jar alone (openHAB
 * exports no Paho), it finds its tcp and ssl network modules (a ServiceLoader file that code references alone
 * would not pull into the bundle), its messages, and connects to a broker.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class EmbeddedPahoIT {

    @Test
    void pahoFromTheAddOnJarAloneConnects() throws Exception {
        Path addOnJar = Path
                .of(System.getProperty("p1meter.bundle", "target/org.openhab.binding.p1meter-5.2.0-SNAPSHOT.jar"));
        assertThat(addOnJar).as("the add-on jar (built by `package`)").exists();
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                URLClassLoader bundleOnly = new URLClassLoader(new URL[] { addOnJar.toUri().toURL() },
                        ClassLoader.getPlatformClassLoader())) {
            Class<?> client = bundleOnly.loadClass("org.eclipse.paho.client.mqttv3.MqttAsyncClient");
            assertThat(client.getClassLoader()).isSameAs(bundleOnly);
            Class<?> persistence = bundleOnly.loadClass("org.eclipse.paho.client.mqttv3.MqttClientPersistence");
            Object memory = bundleOnly.loadClass("org.eclipse.paho.client.mqttv3.persist.MemoryPersistence")
                    .getConstructor().newInstance();
            Constructor<?> ctor = client.getConstructor(String.class, String.class, persistence);

            // ssl:// needs its module too (not connected: there is no TLS broker here)
            Object tls = ctor.newInstance("ssl://127.0.0.1:8883", "embedded-paho-tls", memory);
            assertThat(tls).isNotNull();

            Object c = ctor.newInstance("tcp://127.0.0.1:" + broker.port(), "embedded-paho", memory);
            Object token = client.getMethod("connect").invoke(c);
            token.getClass().getMethod("waitForCompletion", long.class).invoke(token, 10_000L);
            assertThat(client.getMethod("isConnected").invoke(c)).isEqualTo(Boolean.TRUE);
            Object bye = client.getMethod("disconnect").invoke(c);
            bye.getClass().getMethod("waitForCompletion", long.class).invoke(bye, 10_000L);
            Method close = client.getMethod("close");
            close.invoke(c);

            // messages come from the embedded resource bundle, not a bare reason code
            Object e = bundleOnly.loadClass("org.eclipse.paho.client.mqttv3.MqttException").getConstructor(int.class)
                    .newInstance(32103);
            assertThat(((Throwable) e).getMessage()).isNotBlank().doesNotContain("32103");
        }
    }
}
