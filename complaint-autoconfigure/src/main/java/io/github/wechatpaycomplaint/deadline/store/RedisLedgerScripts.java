package io.github.wechatpaycomplaint.deadline.store;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of {@link RedisComplaintLedger}, each atomic on the Redis server. The
 * merge of facts stays in Java: a script only writes a complaint whose version is still
 * the one read, with its indexes, or reads complaints through an index.
 *
 * <p>
 * The keys, under the prefix (whose hash tag puts them all in one Cluster slot):
 * <ul>
 * <li>{@code c:<member>}: hash of one complaint: every field of a TrackedComplaint
 * (instants in epoch ms, {@code published} a bitmask of Threshold ordinals), its
 * {@code next_check_at}, the {@code rules} fingerprint it was computed with and a
 * {@code version} for the compare-and-set.</li>
 * <li>{@code due}: sorted set of complaints with a next check, scored by it.</li>
 * <li>{@code learned}: sorted set of every complaint, scored by when the ledger learned
 * of it (the maximum age).</li>
 * <li>{@code completed}: sorted set of completed complaints, scored by completion (the
 * retention).</li>
 * <li>{@code open}: sorted set of the open complaints whose round start is known, all
 * scored 0, read in pages by member.</li>
 * </ul>
 * A member is the merchant name and the complaint id, each with its NUL characters
 * written as NUL and U+0001, joined by two NULs: no two complaints share one whatever
 * characters their names hold, and Redis orders equal scores by merchant name, then
 * complaint id.
 */
final class RedisLedgerScripts {

	/** The sorted sets, in the order the write and purge scripts expect them. */
	static final List<String> INDEX_NAMES = List.of("due", "learned", "completed", "open");

	/**
	 * KEYS: the complaint's hash, then the indexes. ARGV: member, expected version (0 for
	 * a new complaint), next check ('' for none), completed at ('' for none), learned at,
	 * open (1 or 0), the number of fields to delete, those fields, then field and value
	 * pairs to set. Answers 1 when written, 0 when the version has moved on.
	 */
	static final RedisScript<Long> WRITE = RedisScript.of("""
			local hash, due, learned, completed, open = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
			local version = tonumber(redis.call('HGET', hash, 'version') or '0')
			if version ~= tonumber(ARGV[2]) then return 0 end
			local member = ARGV[1]
			local deletes = tonumber(ARGV[7])
			for i = 8, 7 + deletes do redis.call('HDEL', hash, ARGV[i]) end
			redis.call('HSET', hash, 'version', version + 1, unpack(ARGV, 8 + deletes))
			if ARGV[3] == '' then redis.call('ZREM', due, member) else redis.call('ZADD', due, ARGV[3], member) end
			if ARGV[4] == '' then
				redis.call('ZREM', completed, member)
			else
				redis.call('ZADD', completed, ARGV[4], member)
			end
			redis.call('ZADD', learned, ARGV[5], member)
			if ARGV[6] == '1' then redis.call('ZADD', open, 0, member) else redis.call('ZREM', open, member) end
			return 1""", Long.class);

	/**
	 * KEYS: due. ARGV: prefix, now (ms), the most complaints. Answers the fields of each
	 * complaint due, earliest first.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> DUE = RedisScript.of(
			"""
					local listed = {}
					for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))) do
						local fields = redis.call('HGETALL', ARGV[1] .. 'c:' .. member)
						if #fields > 0 then listed[#listed + 1] = fields end
					end
					return listed""",
			List.class);

	/**
	 * KEYS: open. ARGV: prefix, the last member of the previous page ('' for the first
	 * page), the most complaints. Answers {member, fields} per open complaint, by member.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> OPEN_PAGE = RedisScript.of("""
			local from = (ARGV[2] == '') and '-' or ('(' .. ARGV[2])
			local listed = {}
			for _, member in ipairs(redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, tonumber(ARGV[3]))) do
				listed[#listed + 1] = { member, redis.call('HGETALL', ARGV[1] .. 'c:' .. member) }
			end
			return listed""", List.class);

	/**
	 * KEYS: open. ARGV: prefix, the last member of the previous page ('' for the first
	 * page), the most complaints, the latest overdue round start of a complaint awaiting
	 * a first reply and of a replied one (ms). Answers the page's last member ('' when
	 * empty), how many complaints it read, then per merchant of the page: name, open,
	 * awaiting a first reply, overdue, and the earliest round start awaiting a reply (''
	 * for none). Reads three fields of each complaint and sends counts only.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> SUMMARY_PAGE = RedisScript.of(
			"""
					local from = (ARGV[2] == '') and '-' or ('(' .. ARGV[2])
					local members = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, tonumber(ARGV[3]))
					local firstReplyBy, resolutionBy = tonumber(ARGV[4]), tonumber(ARGV[5])
					local counts, names = {}, {}
					for _, member in ipairs(members) do
						local fields = redis.call('HMGET', ARGV[1] .. 'c:' .. member, 'merchant_name', 'round_start', 'first_reply_at')
						local name, start = fields[1], tonumber(fields[2])
						if name and start then
							local count = counts[name]
							if not count then
								count = { open = 0, awaiting = 0, overdue = 0, oldest = nil, oldestText = '' }
								counts[name] = count
								names[#names + 1] = name
							end
							count.open = count.open + 1
							if fields[3] then
								if start <= resolutionBy then count.overdue = count.overdue + 1 end
							else
								count.awaiting = count.awaiting + 1
								if start <= firstReplyBy then count.overdue = count.overdue + 1 end
								if count.oldest == nil or start < count.oldest then
									count.oldest, count.oldestText = start, fields[2]
								end
							end
						end
					end
					local answer = { members[#members] or '', #members }
					for _, name in ipairs(names) do
						local count = counts[name]
						answer[#answer + 1] = name
						answer[#answer + 1] = count.open
						answer[#answer + 1] = count.awaiting
						answer[#answer + 1] = count.overdue
						answer[#answer + 1] = count.oldestText
					end
					return answer""",
			List.class);

	/**
	 * KEYS: open. ARGV: prefix, the last member of the previous page ('' for the first
	 * page), the most complaints, the first-reply and resolution times (ms), the most
	 * urgent wanted. Answers the page's last member ('' when empty), how many complaints
	 * it read, then member and deadline (ms) of the page's most urgent, nearest first,
	 * with every complaint due as late as the last of them. Reads two fields of each
	 * complaint.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> URGENT_PAGE = RedisScript.of("""
			local from = (ARGV[2] == '') and '-' or ('(' .. ARGV[2])
			local members = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, tonumber(ARGV[3]))
			local firstReply, resolution, wanted = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
			local due = {}
			for _, member in ipairs(members) do
				local fields = redis.call('HMGET', ARGV[1] .. 'c:' .. member, 'round_start', 'first_reply_at')
				local start = tonumber(fields[1])
				if start then
					due[#due + 1] = { start + (fields[2] and resolution or firstReply), member }
				end
			end
			table.sort(due, function(one, other) return one[1] < other[1] end)
			local last = due[wanted] and due[wanted][1]
			local answer = { members[#members] or '', #members }
			for _, entry in ipairs(due) do
				if last and entry[1] > last then break end
				answer[#answer + 1] = entry[2]
				answer[#answer + 1] = entry[1]
			end
			return answer""", List.class);

	/**
	 * KEYS: the index to purge by (learned or completed), then the indexes. ARGV: prefix,
	 * before (exclusive, ms), the most complaints. Deletes those complaints with their
	 * index entries; answers how many.
	 */
	static final RedisScript<Long> PURGE = RedisScript.of("""
			local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
			for _, member in ipairs(members) do
				redis.call('DEL', ARGV[1] .. 'c:' .. member)
				for i = 2, 5 do redis.call('ZREM', KEYS[i], member) end
			end
			return #members""", Long.class);

	private RedisLedgerScripts() {
	}

}
