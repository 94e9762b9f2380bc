package io.github.wechatpaycomplaint.simulator;

import java.net.URI;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.jspecify.annotations.Nullable;

/**
 * One merchant of a simulator, settled: its own settings over the simulator's.
 *
 * @param name the merchant's name
 * @param keys its keys, which carry the merchant id
 * @param region its region, or {@code null} for both path sets
 * @param certificateMode whether WeChat Pay signs with the platform certificate
 * @param callbackUrl where its notifications go, or {@code null}
 * @param initialComplaints complaints filed on start
 */
record MerchantSetup(String name, SimulatorKeys keys, @Nullable MerchantRegion region, boolean certificateMode,
		@Nullable URI callbackUrl, int initialComplaints) {

}
