import { PickType } from '@nestjs/swagger';
import { NewPersonDto } from '../../auth/dto/auth.dto';

/** A user the park adds to a provider or an institution: the role follows from where. */
export class NewOrganisationUserDto extends PickType(NewPersonDto, ['email', 'password', 'name']) {}
