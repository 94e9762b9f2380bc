/**
 * Records of the WeChat Pay complaint API: complaints, negotiation history, notification
 * URLs and images.
 *
 * <p>
 * WeChat Pay's enums are open: each is a Java {@code enum} with an {@code UNKNOWN}
 * constant for a value WeChat Pay adds later. A record keeps WeChat Pay's text in its
 * {@code raw…} component, which is what JSON reads and writes, and its accessor without
 * {@code raw} gives the constant (e.g. {@link Complaint#rawComplaintState()} and
 * {@link Complaint#complaintState()}).
 */
@NullMarked
package io.github.wechatpaycomplaint.model;

import org.jspecify.annotations.NullMarked;
