// 辖区机构 for a city supervisor: the city's institutions, each opening its children read-only.
import { seededInstitutions } from '../../../seed/institutions.ts';
import { Page } from '../components/bits.tsx';
import { currentSession } from '../session.ts';

export default function Institutions() {
  const me = currentSession()!.me;
  const list = seededInstitutions.filter((i) => i.cityCode === me.cityCode);
  return (
    <Page title={`${me.name}辖区机构`}>
      <p class="muted">统计、逾期清单和半年进展报告将在后续版本提供。</p>
      <ul class="panel">
        {list.map((i) => (
          <li>
            <a href={`/institutions/${i.institutionId}/children`}>{i.name}</a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
