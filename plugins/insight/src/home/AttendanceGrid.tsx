import type { InsightReport } from '@repertoire/insight';

/** Member × meeting: who came to which meeting; every name and mark opens its entity. */
export function AttendanceGrid(props: { report: InsightReport; open: (id: string) => void }) {
  const { participation } = props.report;
  const meetings = participation.meetings;
  if (meetings.length === 0)
    return (
      <p className="rp-insight-empty">
        No meetings yet. Schedule one (Meetings: Schedule a meeting) and record who came.
      </p>
    );
  return (
    <div className="rp-insight-grid-scroll">
      <table className="rp-insight-grid">
        <thead>
          <tr>
            <th scope="col">Member</th>
            {meetings.map((m, i) => (
              <th key={m.id} scope="col">
                <button
                  type="button"
                  className="rp-insight-link"
                  title={`${m.title}, ${m.date.slice(0, 10)}`}
                  onClick={() => props.open(m.id)}
                >
                  {i + 1}
                </button>
              </th>
            ))}
            <th scope="col">Came</th>
          </tr>
        </thead>
        <tbody>
          {participation.members.map((member) => {
            const came = meetings.filter((m) => m.attendees.includes(member.memberId)).length;
            return (
              <tr key={member.memberId}>
                <th scope="row">
                  <button
                    type="button"
                    className="rp-insight-link"
                    onClick={() => props.open(member.memberId)}
                  >
                    {member.name}
                  </button>
                </th>
                {meetings.map((m) => {
                  const here = m.attendees.includes(member.memberId);
                  const before = m.date < member.joined;
                  return (
                    <td
                      key={m.id}
                      className={here ? 'rp-insight-here' : before ? 'rp-insight-before' : ''}
                    >
                      {here ? (
                        <button
                          type="button"
                          className="rp-insight-mark"
                          aria-label={`${member.name} attended ${m.title}`}
                          onClick={() => props.open(m.id)}
                        >
                          ●
                        </button>
                      ) : null}
                    </td>
                  );
                })}
                <td className="rp-insight-num">
                  {came}/{meetings.filter((m) => m.date >= member.joined).length}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
