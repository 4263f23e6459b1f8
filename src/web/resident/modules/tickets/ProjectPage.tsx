/** One public 领办督办 project (lazy-loaded page; the component lives with the list). */
import { ProjectPage } from './ProjectsPage';

export default ProjectPage;
