// 辖区机构 for a supervisor: the city's institutions (the region's, for the regional one), each opening its children
// read-only.
import { REGION_CODE } from '../../../auth/principal.ts';
import { seededInstitutions } from '../../../seed/institutions.ts';
import { Page } from '../components/bits.tsx';
import { currentSession } from '../session.ts';

export default function Institutions() {
  const me = currentSession()!.me;
  const list = seededInstitutions.filter((i) => me.cityCode === REGION_CODE || i.cityCode === me.cityCode);
  return (
    <Page title={`${me.name}辖区机构`}>
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
