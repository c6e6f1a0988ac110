// The console: a shell (who is signed in, what they may open) around pages loaded when first visited, so the
// sign-in page downloads only the shell and itself.
import { render } from 'preact';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { whenSignedOut } from './api.ts';
import { Shell } from './components/shell.tsx';
import { currentSession, homeOf } from './session.ts';
import './app.css';

const SignIn = lazy(() => import('./pages/sign-in.tsx'));
const Callback = lazy(() => import('./pages/callback.tsx'));
const Children = lazy(() => import('./pages/children.tsx'));
const Admit = lazy(() => import('./pages/admit.tsx'));
const ChildPage = lazy(() => import('./pages/child.tsx'));
const Transfers = lazy(() => import('./pages/transfers.tsx'));
const Duties = lazy(() => import('./pages/duties.tsx'));
const Inbox = lazy(() => import('./pages/inbox.tsx'));
const TaskPage = lazy(() => import('./pages/task.tsx'));
const Institutions = lazy(() => import('./pages/institutions.tsx'));
const Incidents = lazy(() => import('./pages/incidents.tsx'));
const Overview = lazy(() => import('./pages/overview.tsx'));
const Overdue = lazy(() => import('./pages/overdue.tsx'));
const Report = lazy(() => import('./pages/report.tsx'));

function Home() {
  const { route } = useLocation();
  useEffect(() => {
    const s = currentSession();
    route(s ? homeOf(s.me) : '/sign-in', true);
  }, []);
  return null;
}

function NotFound() {
  return (
    <main class="page" id="main">
      <h1>页面不存在</h1>
      <p>
        请检查网址，或<a href="/">返回首页</a>。
      </p>
    </main>
  );
}

function App() {
  const { route, path } = useLocation();
  useEffect(() => {
    whenSignedOut((expired) => route(expired ? '/sign-in?expired=1' : '/sign-in'));
  }, []);
  const open = path === '/sign-in' || path.startsWith('/auth/');
  if (!open && !currentSession()) {
    // Opened by URL without a session: sign in first, then come back here.
    queueMicrotask(() => route(`/sign-in?next=${encodeURIComponent(path + location.search)}`, true));
    return null;
  }
  const pages = (
    <ErrorBoundary>
      <Router>
        <Route path="/" component={Home} />
        <Route path="/sign-in" component={SignIn} />
        <Route path="/auth/callback" component={Callback} />
        <Route path="/children" component={Children} />
        <Route path="/children/new" component={Admit} />
        <Route path="/children/:childId" component={ChildPage} />
        <Route path="/institutions" component={Institutions} />
        <Route path="/institutions/:institutionId/children" component={Children} />
        <Route path="/transfers" component={Transfers} />
        <Route path="/duties" component={Duties} />
        <Route path="/departments/:department/tasks" component={Inbox} />
        <Route path="/tasks/:taskId" component={TaskPage} />
        <Route path="/incidents" component={Incidents} />
        <Route path="/supervision" component={Overview} />
        <Route path="/supervision/overdue" component={Overdue} />
        <Route path="/reports/progress" component={Report} />
        <Route default component={NotFound} />
      </Router>
    </ErrorBoundary>
  );
  return open ? pages : <Shell>{pages}</Shell>;
}

render(
  <LocationProvider>
    <App />
  </LocationProvider>,
  document.getElementById('app')!,
);
